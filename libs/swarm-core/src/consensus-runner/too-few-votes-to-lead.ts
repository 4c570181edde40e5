import type { Candidate, ConsensusOptions } from '@local-swarm/consensus';
import type { PendingVotes } from './vote-decided';

/**
 * A bound that needs no decide(): true when no answer can lead safely yet, so isVoteDecided's
 * decide() calls would all be wasted. It holds for majority when every vote (received and pending)
 * comes from one source and nothing checks the answers: each vote then weighs exactly 1 (a lone
 * source is never clamped, and with no format or tools every vote is valid), so the pending votes
 * as one new group outweigh any leader when they outnumber every vote received. That is the
 * common case of one node's lock-step candidates arriving one by one; any other case is left to
 * decide() (source clamps, weights and invalid answers change what a count can say).
 */
export function tooFewVotesToLead(received: readonly Candidate[], pending: readonly PendingVotes[], options: ConsensusOptions): boolean {
  if (options.strategy !== 'majority' || options.json !== undefined || options.tools !== undefined) return false;
  const source = received[0]?.source ?? pending[0]?.source;
  let pendingTotal = 0;
  for (const votes of pending) {
    if (votes.source !== source) return false;
    pendingTotal += votes.count;
  }
  for (const candidate of received) if (candidate.source !== source) return false;
  return received.length < pendingTotal;
}
