import { Module, type DynamicModule } from '@nestjs/common';
import { MetricsController } from './metrics.controller';
import { METRICS_OPTIONS, type MetricsModuleOptions } from './metrics.options';
import { MetricsService } from './metrics.service';

/**
 * `GET /metrics` in Prometheus text format, fed by RequestEvents and read from the swarm and the
 * peer view at scrape time; those come from the global CoreModule and PeersModule.
 */
@Module({})
export class MetricsModule {
  static forRoot(options: MetricsModuleOptions = {}): DynamicModule {
    return {
      module: MetricsModule,
      controllers: [MetricsController],
      providers: [{ provide: METRICS_OPTIONS, useValue: options }, MetricsService],
    };
  }
}
