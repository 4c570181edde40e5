import { Module, type DynamicModule } from '@nestjs/common';
import { MetricsController } from './metrics.controller';
import { METRICS_OPTIONS, type MetricsModuleOptions } from './metrics.options';
import { MetricsService } from './metrics.service';

/**
 * `GET /metrics` in Prometheus text format. Import it from the module that provides
 * RequestEvents, LOCAL_SWARM, PEER_COUNTS and APP_LOGGER (AppModule); see MetricsService for why
 * it finds them app-wide rather than through its own imports.
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
