/** Injection token of MetricsModule's options. */
export const METRICS_OPTIONS = Symbol('METRICS_OPTIONS');

export interface MetricsModuleOptions {
  /** Also export prom-client's process and Node.js metrics (process_*, nodejs_*); default true. */
  readonly defaultMetrics?: boolean;
}
