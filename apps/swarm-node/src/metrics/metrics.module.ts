import { Module, type DynamicModule } from '@nestjs/common';
import { NO_PEERS, PEER_COUNTS } from '../swarm/peer-counts';
import { MetricsController } from './metrics.controller';
import { METRICS_OPTIONS, type MetricsModuleOptions } from './metrics.options';
import { MetricsService } from './metrics.service';

/**
 * `GET /metrics` in Prometheus text format, fed by RequestEvents and read from the swarm and the
 * peer counts at scrape time. Its inputs come in forRoot, as the dashboard's do.
 */
@Module({})
export class MetricsModule {
  static forRoot(options: MetricsModuleOptions): DynamicModule {
    return {
      module: MetricsModule,
      // PEER_COUNTS: the federation's PeerDirectory when it is on, else no peers.
      imports: options.federation === undefined ? [] : [options.federation],
      controllers: [MetricsController],
      providers: [
        { provide: METRICS_OPTIONS, useValue: options },
        ...(options.federation === undefined ? [{ provide: PEER_COUNTS, useValue: NO_PEERS }] : []),
        MetricsService,
      ],
    };
  }
}
