export { METRIC_PREFIX } from './metric-prefix';
export { MetricsModule } from './metrics.module';
export type { MetricsModuleOptions } from './metrics.options';
export { SwarmMetrics, type MetricsSources, type SwarmMetricsOptions } from './swarm-metrics';
