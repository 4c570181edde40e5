import type { PeerStatusWire } from '@local-swarm/federation-protocol';
import type { PeerSnapshot } from './peer-snapshot';

/** A peer as `GET /v1/federation/peers` lists it. */
export function peerSnapshotToWire(peer: PeerSnapshot): PeerStatusWire {
  return {
    node_id: peer.nodeId,
    name: peer.name,
    address: peer.address,
    port: peer.port,
    source: peer.source,
    status: peer.status,
    last_seen: peer.lastSeen === null ? null : new Date(peer.lastSeen).toISOString(),
    rtt_ms: peer.rttMs === null ? null : Math.round(peer.rttMs * 100) / 100,
    failures: peer.failures,
    model_id: peer.modelId,
    instances: peer.instances,
    reason: reasonOf(peer),
  };
}

/** Why the peer is not asked for votes now; null when it is healthy. */
function reasonOf(peer: PeerSnapshot): string | null {
  if (peer.status === 'healthy') return null;
  if (peer.status === 'quarantined') return peer.quarantineReason;
  if (peer.status === 'ignored') return peer.modelConflict;
  return peer.lastError?.message ?? null;
}
