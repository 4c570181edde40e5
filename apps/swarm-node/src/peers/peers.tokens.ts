import type { PeerChange, PeerCounts } from '@local-swarm/federation';
import type { PeerStatusWire } from '@local-swarm/federation-protocol';

export type { PeerChange, PeerCounts };

/** Injection token of the node's PersistedLearnedWeights (weighted_vote weights learned from agreement). */
export const LEARNED_WEIGHTS = Symbol('LEARNED_WEIGHTS');

/** Injection token of the PeerView: the peers as /health, /metrics and the dashboard show them. */
export const PEER_VIEW = Symbol('PEER_VIEW');

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
