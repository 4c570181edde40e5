import { formatJoinString } from '@local-swarm/federation-protocol';
import { Controller, Get, Header, Inject, Optional, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { OpenAiHttpError } from '../http/openai-error';
import { FEDERATION_OPTIONS, type FederationOptions } from '../peers/federation-options';
import { ThisMachineOnlyGuard } from './this-machine-only.guard';

/** What the dashboard's "Add a machine" panel shows. */
export interface JoinCommand {
  /** `lsjoin1:…`: the swarm key, as `local-swarm key show` prints it. */
  readonly join: string;
  /** What to run on the machine to add. */
  readonly command: string;
}

/**
 * GET /v1/federation/join: the join string of this node's swarm, for a client on this machine
 * only. Never logged, never cached: it is the swarm key, and whoever holds it is a member.
 */
@ApiTags('Federation')
@Controller('v1/federation')
export class JoinCommandController {
  constructor(@Optional() @Inject(FEDERATION_OPTIONS) private readonly federation?: FederationOptions) {}

  @Get('join')
  @UseGuards(ThisMachineOnlyGuard)
  @Header('cache-control', 'no-store')
  @ApiOperation({ summary: "This swarm's join string and the command that adds a machine with it; from this machine (loopback) only, never from a page of another origin" })
  join(): JoinCommand {
    if (this.federation === undefined) {
      throw new OpenAiHttpError(404, 'not_found_error', 'federation is off: start the node with --federation to pair machines', null, 'federation_off');
    }
    const { membership } = this.federation;
    if (membership === null) {
      const message = 'this node runs open federation (--federation-open): there is no swarm key to join; restart it without --federation-open to pair';
      throw new OpenAiHttpError(409, 'invalid_request_error', message, null, 'federation_open');
    }
    const join = formatJoinString(membership.swarmKey);
    return { join, command: `local-swarm --federation --join ${join}` };
  }
}
