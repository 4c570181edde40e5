/** Injection token of the peer summary /health shows. */
export const PEER_COUNTS = Symbol('PEER_COUNTS');

export interface PeerCounts {
  readonly total: number;
  readonly healthy: number;
  readonly unhealthy: number;
  readonly expired: number;
}

export interface PeerCounter {
  counts(): PeerCounts;
}

/** A node without federation has no peers. */
export const NO_PEERS: PeerCounter = { counts: () => ({ total: 0, healthy: 0, unhealthy: 0, expired: 0 }) };
