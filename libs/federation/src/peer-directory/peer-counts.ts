/** Peers by status, as /health and /metrics show them. */
export interface PeerCounts {
  readonly total: number;
  readonly healthy: number;
  readonly unhealthy: number;
  readonly expired: number;
}
