import { Body, Controller, Headers, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { LOCAL_SWARM, type LocalSwarm } from '../../core/core.tokens';
import { abortOnClientDisconnect } from '../../http/request-abort';
import { CompletionService } from '../completion.service';
import type { PreparedRequest } from '../prepared-request';
import { finishedResponse, responseHeaderOf } from './response-object';
import { newResponsesId } from './response-output';
import { withResponsesParam } from './responses-param';
import { ResponsesRequestDto } from './responses-request.dto';
import { streamResponseRun } from './stream-response-run';
import { toChatRequest } from './to-chat-request';

/**
 * OpenAI's Responses API on the chat path: the request becomes a chat request and gets the same
 * preparation, limits and consensus as /v1/chat/completions. Stateless: nothing is stored.
 */
@ApiTags('OpenAI-compatible')
@Controller('v1')
export class ResponsesController {
  constructor(
    private readonly completions: CompletionService,
    @Inject(LOCAL_SWARM) private readonly swarm: LocalSwarm,
  ) {}

  @Post('responses')
  @ApiOperation({ summary: 'A response (OpenAI Responses API) chosen by consensus among the swarm’s candidates' })
  @ApiHeader({ name: 'x-swarm-strategy', required: false, description: 'Consensus strategy for this request' })
  @ApiHeader({ name: 'x-swarm-mode', required: false, description: 'Federation mode for this request: vote or balance' })
  @ApiHeader({ name: 'x-swarm-min-agreement', required: false, description: 'Abstain below this agreement (0 to 1)' })
  @ApiHeader({ name: 'x-swarm-weights', required: false, description: 'weighted_vote source weights: auto (learned) or configured' })
  async create(
    @Body() body: ResponsesRequestDto,
    @Headers('x-swarm-strategy') strategyHeader: string | undefined,
    @Headers('x-swarm-mode') modeHeader: string | undefined,
    @Headers('x-swarm-min-agreement') minAgreementHeader: string | undefined,
    @Headers('x-swarm-weights') weightsHeader: string | undefined,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const prepared = await this.prepare(body, { strategy: strategyHeader, mode: modeHeader, minAgreement: minAgreementHeader, weights: weightsHeader, requestId: request.id, clientKey: request.ip });
    const header = responseHeaderOf(newResponsesId('resp'), this.swarm.info.modelId, body);
    const signal = abortOnClientDisconnect(reply);
    if (body.stream === true) {
      await streamResponseRun(this.completions, prepared, header, reply, signal);
      return;
    }
    const run = await this.completions.run(prepared, signal);
    if (signal.aborted) return; // the client left: nobody to answer
    await reply.status(200).send(finishedResponse(header, run, prepared));
  }

  private async prepare(body: ResponsesRequestDto, headers: Parameters<CompletionService['prepareChat']>[1]): Promise<PreparedRequest> {
    try {
      return this.completions.prepareChat(await toChatRequest(body), headers);
    } catch (error) {
      throw withResponsesParam(error);
    }
  }
}
