import type { PeerDirectory } from '@local-swarm/federation';
import type { PeerView } from './peers.tokens';

/** The peers of a node without federation: none, and it says so. */
export const NO_PEER_VIEW: PeerView = {
  federation: false,
  counts: () => ({ total: 0, healthy: 0, unhealthy: 0, expired: 0 }),
  list: () => [],
  subscribe: () => () => undefined,
};

/** The directory's peers, read-only, for /health, /metrics and the dashboard. */
export function peerViewOf(directory: PeerDirectory): PeerView {
  return {
    federation: true,
    counts: () => directory.counts(),
    list: () => directory.list(),
    subscribe: (listener) => directory.subscribe(listener),
  };
}
