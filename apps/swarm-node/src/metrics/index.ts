export { MetricsModule } from './metrics.module';
export type { MetricsModuleOptions } from './metrics.options';
export { METRIC_PREFIX, SwarmMetrics, type MetricsSources, type SwarmMetricsOptions } from './swarm-metrics';
