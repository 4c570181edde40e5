import type { PeerStatusWire } from '@local-swarm/federation-protocol';

/** Injection token of the PeerView: the peers as /health, /metrics and the dashboard show them. */
export const PEER_VIEW = Symbol('PEER_VIEW');

/** Peers by status, as /health and /metrics show them. */
export interface PeerCounts {
  readonly total: number;
  readonly healthy: number;
  readonly unhealthy: number;
  readonly expired: number;
}

/** What changed in the peer list, as the dashboard's live log shows it. */
export interface PeerChange {
  readonly kind: 'added' | 'changed' | 'removed' | 'rekeyed' | 'refresh';
  readonly node_id: string | null;
  readonly name: string | null;
  /** For `changed`: the status transition and why. */
  readonly from?: string;
  readonly to?: string;
  readonly reason?: string;
}

/**
 * The read side of the peers, the same shape whether federation is on or off (off: no peers,
 * `federation` false), so no reader has to decide which mode the node runs in.
 */
export interface PeerView {
  /** True when the node runs with --federation (peers can be listed and managed). */
  readonly federation: boolean;
  counts(): PeerCounts;
  list(): readonly PeerStatusWire[];
  /** Calls `listener` on every join, departure, status change or re-keying; returns an unsubscribe. */
  subscribe(listener: (change: PeerChange) => void): () => void;
}
