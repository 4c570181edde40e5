import type { Candidate } from '../candidate/candidate';
import type { ConsensusOptions } from '../options/consensus-options';
import type { PairSimilarity } from '../similarity/medoid';
import type { Verdict } from '../verdict/verdict';
import type { NonEmpty } from '../voting/ballot';
import { oneVoteBallots } from '../voting/one-vote-ballots';
import { runStrategy, type StrategyChoice } from '../voting/run-strategy';
import type { ScreenedCandidate } from '../voting/screen-candidates';
import { vote } from '../voting/vote';

/** One vote per voting candidate, no source above half; the heaviest canonical group wins (see vote()). */
export function chooseByMajority(voting: NonEmpty<ScreenedCandidate>, similarity?: PairSimilarity): StrategyChoice {
  const { ballots, notes } = oneVoteBallots(voting);
  const outcome = vote(ballots, similarity);
  return { strategy: 'majority', ballots, ...outcome, notes: [...notes, ...outcome.notes] };
}

/**
 * majority: every voting candidate counts 1, except that a source holding more than half of the
 * votes is scaled down to the sum of the others (so a peer sending 64 copies cannot outvote the
 * rest); the biggest group of equal canonical forms wins, represented by its medoid. Configured
 * source and model weights are ignored (use weighted_vote for them).
 */
export function majority(candidates: readonly Candidate[], options: Omit<ConsensusOptions, 'strategy'> = {}): Verdict {
  return runStrategy(candidates, { requested: 'majority', options, choose: (voting) => chooseByMajority(voting) });
}
