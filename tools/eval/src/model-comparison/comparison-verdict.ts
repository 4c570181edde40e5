import type { MeasureComparison, ModelComparison } from './compare-models';

/** The candidate may replace the baseline only if no accuracy drops by more than this (2 points). */
export const MAX_ACCURACY_DROP = 0.02;

export interface MeasureVerdict {
  readonly measure: string;
  /** The paired point estimate is within the allowed drop. */
  readonly passes: boolean;
  /** The whole 95% interval is within it: the data rule out a larger drop, not only fail to show one. */
  readonly intervalWithinLimit: boolean;
}

export interface AccuracyVerdict {
  readonly passes: boolean;
  readonly measures: readonly MeasureVerdict[];
}

function judge(measure: MeasureComparison): MeasureVerdict {
  return {
    measure: measure.measure,
    passes: measure.difference.estimate >= -MAX_ACCURACY_DROP,
    intervalWithinLimit: measure.difference.lo >= -MAX_ACCURACY_DROP,
  };
}

/**
 * Passes when no measure's paired difference (candidate − baseline) falls below −2 points. The
 * rule is on the point estimate: with a few hundred tasks the interval is several points wide, so
 * asking its lower end to clear −2 would refuse any model; whether it does is reported beside it.
 */
export function accuracyVerdict(comparison: ModelComparison): AccuracyVerdict {
  const measures = comparison.measures.map(judge);
  return { passes: measures.every((measure) => measure.passes), measures };
}
