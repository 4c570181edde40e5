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
}

/** Every strategy's traits; a Record over StrategyName, so a new strategy cannot be left out. */
export const STRATEGY_TRAITS: Readonly<Record<StrategyName, StrategyTraits>> = Object.freeze({
  majority: Object.freeze({ earlyStop: 'decided-lead', comparesScores: false }),
  weighted_vote: Object.freeze({ earlyStop: 'decided-lead', comparesScores: false }),
  best_of_n: Object.freeze({ earlyStop: 'none', comparesScores: true }),
  first_valid: Object.freeze({ earlyStop: 'first-valid', comparesScores: false }),
});

/** Throws a ConsensusError for a name that is no strategy (from untyped JavaScript), as decide() does. */
export function strategyTraits(strategy: StrategyName): StrategyTraits {
  assertStrategyName(strategy);
  return STRATEGY_TRAITS[strategy];
}
