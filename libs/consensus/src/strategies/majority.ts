import type { Candidate } from '../candidate/candidate';
import type { ConsensusOptions } from '../options/consensus-options';
import type { PairSimilarity } from '../similarity/medoid';
import type { Verdict } from '../verdict/verdict';
import { mapNonEmpty, toBallot, type NonEmpty } from '../voting/ballot';
import { runStrategy, type StrategyChoice } from '../voting/run-strategy';
import type { ScreenedCandidate } from '../voting/screen-candidates';
import { vote } from '../voting/vote';

/** One vote per voting candidate; the heaviest canonical group wins (see vote()). */
export function chooseByMajority(voting: NonEmpty<ScreenedCandidate>, similarity?: PairSimilarity): StrategyChoice {
  const ballots = mapNonEmpty(voting, (entry) => toBallot(entry, 1));
  return { strategy: 'majority', ballots, ...vote(ballots, similarity) };
}

/**
 * majority: every voting candidate counts 1; the biggest group of equal canonical forms wins,
 * represented by its medoid. Source and model weights are ignored (use weighted_vote for them).
 */
export function majority(candidates: readonly Candidate[], options: Omit<ConsensusOptions, 'strategy'> = {}): Verdict {
  return runStrategy(candidates, { requested: 'majority', options, choose: (voting) => chooseByMajority(voting) });
}
