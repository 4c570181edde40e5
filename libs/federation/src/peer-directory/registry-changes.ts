import type { PeerRegistry } from '../registry/peer-registry';
import type { PeerChange } from './peer-change';

/** Calls `listener` with each join, departure, status change or re-keying of `registry`; returns an unsubscribe. */
export function subscribeToRegistry(registry: PeerRegistry, listener: (change: PeerChange) => void): () => void {
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
}
