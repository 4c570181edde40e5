import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequestEvents } from '../observability/request-events';
import { PEER_COUNTS, type PeerCounter } from '../swarm/peer-counts';
import { ListenState, LOCAL_SWARM, NODE_SETTINGS, type LocalSwarm, type NodeSettings } from '../core/core.tokens';

@ApiTags('Node')
@Controller('health')
export class HealthController {
  constructor(
    @Inject(LOCAL_SWARM) private readonly swarm: LocalSwarm,
    @Inject(NODE_SETTINGS) private readonly settings: NodeSettings,
    private readonly listening: ListenState,
    @Inject(PEER_COUNTS) private readonly peers: PeerCounter,
    private readonly requests: RequestEvents,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Liveness, model, instances and load of this node' })
  health(): Record<string, unknown> {
    const { info, load } = this.swarm;
    return {
      status: 'ok',
      version: this.settings.version,
      model: info.modelId,
      instances: info.instances,
      context_size: info.contextSize,
      strategy: this.settings.strategy,
      mode: this.settings.mode,
      requests_served: this.requests.finishedCount,
      hardware: this.settings.hardwareSummary,
      url: this.listening.url,
      uptime_s: Math.round((Date.now() - this.settings.startedAt.getTime()) / 1000),
      load: {
        busy_instances: load.busyInstances,
        capacity: load.capacity,
        queued_requests: load.queuedRequests,
        max_queue: load.maxQueue,
      },
      peers: this.peers.counts(),
    };
  }
}
