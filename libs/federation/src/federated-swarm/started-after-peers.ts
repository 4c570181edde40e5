import type { CandidateSource } from '@local-swarm/swarm-core';
import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * This node's own source, started one event-loop turn later than it is called, so the peers of
 * the same vote (called after it) have written their requests before its decoding begins. Started
 * first, its decode thread takes this node's core while the main thread is still sending to the
 * peers: on one core per node a peer's request waited a median 6.7 ms for its socket (0.2 ms with
 * the core free), and the peer started that much later. Same id and candidates: only the start moves.
 */
export function startedAfterPeers(local: CandidateSource): CandidateSource {
  const expectedCandidates = local.expectedCandidates?.bind(local);
  return {
    id: local.id,
    generate: async (request, options) => {
      await nextTurn();
      return local.generate(request, options);
    },
    ...(expectedCandidates !== undefined && { expectedCandidates }),
  };
}
