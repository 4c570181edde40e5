import type { Candidate } from '../candidate/candidate';
import type { ConsensusOptions } from '../options/consensus-options';
import type { Verdict } from '../verdict/verdict';
import { compareByLatency } from '../voting/ballot';
import { oneVoteBallots } from '../voting/one-vote-ballots';
import { runStrategy } from '../voting/run-strategy';
import { tallyGroups } from '../voting/tally-groups';

/**
 * first_valid: the valid candidate that completed first (lowest `latencyMs`; ties: earlier stable
 * order), whatever order the candidates are passed in. If none is valid, the least bad one by
 * badness, then by latency. Cost: O(n log n) plus validation.
 *
 * Meant to be paired with validateCandidate(): the caller checks each completion as it arrives,
 * cancels the remaining generations at the first valid one, then calls decide() for the verdict
 * (the cancelled ones are simply dropped as 'cancelled').
 */
export function firstValid(candidates: readonly Candidate[], options: Omit<ConsensusOptions, 'strategy'> = {}): Verdict {
  return runStrategy(candidates, {
    requested: 'first_valid',
    options,
    dropTieBreak: (a, b) => a.candidate.latencyMs - b.candidate.latencyMs,
    choose: (voting) => {
      // Weights do not pick the winner here, but they make `agreement` honest: one vote each, no
      // source above half.
      const { ballots, notes } = oneVoteBallots(voting);
      const groups = tallyGroups(ballots, (members) => [...members].sort(compareByLatency));
      const [winner] = [...ballots].sort(compareByLatency);
      return { strategy: 'first_valid', ballots, groups, winner: winner ?? ballots[0], notes };
    },
  });
}
