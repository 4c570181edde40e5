import { assertStrategyName, type StrategyName } from './strategy-name';

/**
 * When a caller streaming candidates in may stop the ones still generating, because they can no
 * longer change the verdict:
 * - `first-valid`: as soon as one candidate passes validateCandidate() (the first valid one wins);
 * - `decided-lead`: once the leading group's lead is larger than the votes still pending could
 *   overturn (the outcome is settled by counting votes);
 * - `none`: never: any candidate still running could become the winner.
 */
export type EarlyStopRule = 'first-valid' | 'decided-lead' | 'none';

/** What a strategy means to the code around decide(), so callers ask this instead of comparing names. */
export interface StrategyTraits {
  readonly earlyStop: EarlyStopRule;
  /**
   * Picks the winner by `score` (mean token log-probability) rather than by votes, so it needs
   * comparable scores: it compares them only within one model file, every score known (best_of_n
   * falls back to majority otherwise). Voting strategies use scores only to break ties.
   */
  readonly comparesScores: boolean;
  /**
   * Whether a judge model reads the grouped candidates after the vote: `choose` names one of them
   * (judge), `merge` writes the answer itself (judge_merge), `none` needs no judge. A judge must see
   * every candidate, so judged strategies never stop early.
   */
  readonly judge: JudgeRole;
}

/** What a judge model does for a strategy (see StrategyTraits.judge). */
export type JudgeRole = 'none' | 'choose' | 'merge';

/** Every strategy's traits; a Record over StrategyName, so a new strategy cannot be left out. */
export const STRATEGY_TRAITS: Readonly<Record<StrategyName, StrategyTraits>> = Object.freeze({
  majority: Object.freeze({ earlyStop: 'decided-lead', comparesScores: false, judge: 'none' }),
  weighted_vote: Object.freeze({ earlyStop: 'decided-lead', comparesScores: false, judge: 'none' }),
  best_of_n: Object.freeze({ earlyStop: 'none', comparesScores: true, judge: 'none' }),
  first_valid: Object.freeze({ earlyStop: 'first-valid', comparesScores: false, judge: 'none' }),
  judge: Object.freeze({ earlyStop: 'none', comparesScores: false, judge: 'choose' }),
  judge_merge: Object.freeze({ earlyStop: 'none', comparesScores: false, judge: 'merge' }),
});

/** Throws a ConsensusError for a name that is no strategy (from untyped JavaScript), as decide() does. */
export function strategyTraits(strategy: StrategyName): StrategyTraits {
  assertStrategyName(strategy);
  return STRATEGY_TRAITS[strategy];
}
