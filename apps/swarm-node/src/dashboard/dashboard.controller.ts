import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DashboardHub, type DashboardState } from './dashboard-hub';
import { DASHBOARD_HEADERS, DashboardPage } from './dashboard-page';
import { OpenAiHttpError } from '../http/openai-error';
import { DashboardEventStream } from './dashboard-sse';
import { MAX_DASHBOARD_EVENT_STREAMS } from './dashboard-streams';
import { DASHBOARD_OPTIONS, type DashboardOptions } from './dashboard.tokens';

/**
 * The peer dashboard: the page at `/`, its state, and a stream of what changes. Read-only: peers
 * are managed through the /v1/federation/peers routes, which the page calls.
 */
@ApiTags('Dashboard')
@Controller()
export class DashboardController {
  constructor(
    private readonly hub: DashboardHub,
    private readonly page: DashboardPage,
    @Inject(DASHBOARD_OPTIONS) private readonly options: DashboardOptions,
  ) {}

  @Get()
  @ApiExcludeEndpoint()
  async index(@Res() reply: FastifyReply): Promise<void> {
    const html = await this.page.indexHtml();
    await reply.status(200).headers({ ...DASHBOARD_HEADERS, 'cache-control': 'no-cache' }).type('text/html; charset=utf-8').send(html);
  }

  @Get('v1/dashboard/state')
  @ApiOperation({ summary: 'Node facts, peers and the last finished requests with how each answer was chosen' })
  state(): DashboardState {
    return this.hub.state();
  }

  @Get('v1/dashboard/events')
  @ApiOperation({
    summary:
      'Server-sent events: `node` every 2 s, `peers` on every peer change, `started`/`candidate`/`answer` as requests run',
  })
  events(@Res() reply: FastifyReply): void {
    // Checked and attached in one synchronous step: no other stream can open in between.
    if (this.hub.watchers >= MAX_DASHBOARD_EVENT_STREAMS) {
      throw new OpenAiHttpError(
        429,
        'rate_limit_error',
        `${MAX_DASHBOARD_EVENT_STREAMS} dashboard event streams are open, the most this node serves; close a dashboard tab and retry`,
        null,
        'too_many_event_streams',
        { 'retry-after': '5' },
      );
    }
    this.hub.attach(DashboardEventStream.open(reply, this.options.heartbeatMs));
  }
}
