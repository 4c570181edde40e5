import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ListenState, LOCAL_SWARM, NODE_SETTINGS, type LocalSwarm, type NodeSettings } from '../core/core.tokens';
import { uptimeSeconds } from '../core/uptime-seconds';
import { loadToWire } from '../http/load-to-wire';
import { RequestEvents } from '../observability/request-events';
import { PEER_VIEW, type PeerView } from '../peers/peers.tokens';

@ApiTags('Node')
@Controller('health')
export class HealthController {
  constructor(
    @Inject(LOCAL_SWARM) private readonly swarm: LocalSwarm,
    @Inject(NODE_SETTINGS) private readonly settings: NodeSettings,
    private readonly listening: ListenState,
    @Inject(PEER_VIEW) private readonly peers: PeerView,
    private readonly requests: RequestEvents,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Liveness, model, instances and load of this node' })
  health(): Record<string, unknown> {
    const { info } = this.swarm;
    return {
      status: 'ok',
      node_id: this.settings.nodeId,
      version: this.settings.version,
      model: info.modelId,
      instances: info.instances,
      context_size: info.contextSize,
      strategy: this.settings.strategy,
      mode: this.settings.mode,
      requests_served: this.requests.finishedCount,
      hardware: this.settings.hardwareSummary,
      url: this.listening.url,
      uptime_s: uptimeSeconds(this.settings),
      load: loadToWire(this.swarm.load),
      peers: this.peers.counts(),
    };
  }
}
