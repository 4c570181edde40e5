import type { PeerStatusWire } from '@local-swarm/federation-protocol';
import type { PeerDirectory } from '../federation/peer-directory';

/** What changed in the peer list, as the page's live log shows it. */
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
 * The peers the dashboard shows: a list and its changes. With federation off there is none and
 * the page says so; with federation on it is the PeerDirectory's registry.
 */
export interface DashboardPeerSource {
  list(): readonly PeerStatusWire[];
  /** Calls `listener` on every join, departure, status change or re-keying; returns an unsubscribe. */
  subscribe(listener: (change: PeerChange) => void): () => void;
}

/** The federation's PeerDirectory as a dashboard peer source (registry events, no polling). */
export function peerSourceOf(directory: Pick<PeerDirectory, 'registry' | 'list'>): DashboardPeerSource {
  return {
    list: () => directory.list(),
    subscribe: (listener) => {
      const { registry } = directory;
      const unsubscribes = [
        registry.on('peer-added', ({ peer }) => listener({ kind: 'added', node_id: peer.nodeId, name: peer.name })),
        registry.on('peer-removed', ({ peer, reason }) => listener({ kind: 'removed', node_id: peer.nodeId, name: peer.name, reason })),
        registry.on('peer-rekeyed', ({ peer, previousNodeId }) =>
          listener({ kind: 'rekeyed', node_id: peer.nodeId, name: peer.name, reason: `was ${previousNodeId}` }),
        ),
        registry.on('peer-changed', ({ peer, from, to, reason }) => listener({ kind: 'changed', node_id: peer.nodeId, name: peer.name, from, to, reason })),
      ];
      return () => {
        for (const unsubscribe of unsubscribes) unsubscribe();
      };
    },
  };
}
