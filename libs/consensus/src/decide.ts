import type { Candidate } from './candidate/candidate';
import { decideWithoutJudge } from './judge/decide-without-judge';
import { assertValidOptions, type ConsensusOptions } from './options/consensus-options';
import { bestOfN } from './strategies/best-of-n';
import { firstValid } from './strategies/first-valid';
import { majority } from './strategies/majority';
import type { StrategyName } from './strategies/strategy-name';
import { weightedVote } from './strategies/weighted-vote';
import type { Verdict } from './verdict/verdict';

type Strategy = (candidates: readonly Candidate[], options: Omit<ConsensusOptions, 'strategy'>) => Verdict;

const STRATEGIES: Readonly<Record<StrategyName, Strategy>> = {
  majority,
  weighted_vote: weightedVote,
  best_of_n: bestOfN,
  first_valid: firstValid,
  judge: (candidates, options) => decideWithoutJudge(candidates, options, 'choose'),
  judge_merge: (candidates, options) => decideWithoutJudge(candidates, options, 'merge'),
};

/**
 * Picks one answer among candidates with the requested strategy. Pure and deterministic: the same
 * candidates in any order give the same verdict (up to `index`, which points into the input).
 * Throws ConsensusError only for programmer errors (unknown strategy, bad weight, malformed
 * candidate or schema); "no good answer" is a verdict with `valid: false`.
 */
export function decide(candidates: readonly Candidate[], options: ConsensusOptions): Verdict {
  assertValidOptions(options);
  const { strategy, ...rest } = options;
  return STRATEGIES[strategy](candidates, rest);
}
