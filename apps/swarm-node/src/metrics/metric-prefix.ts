/** Prefix of every metric this node defines (process metrics keep prom-client's standard names). */
export const METRIC_PREFIX = 'local_swarm_';
