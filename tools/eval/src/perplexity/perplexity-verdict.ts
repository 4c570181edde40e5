/** The candidate may replace the baseline only if its perplexity rises by at most this share (3 %). */
export const MAX_PERPLEXITY_RISE = 0.03;

export interface PerplexityVerdict {
  /** candidate / baseline − 1: positive when the candidate is more surprised by the text. */
  readonly relativeChange: number;
  readonly passes: boolean;
}

/** Compares two perplexities measured on the same tokens with the same windows. */
export function perplexityVerdict(baseline: number, candidate: number): PerplexityVerdict {
  if (!(baseline > 0) || !(candidate > 0)) throw new RangeError(`perplexities must be positive, got ${baseline} and ${candidate}`);
  const relativeChange = candidate / baseline - 1;
  return { relativeChange, passes: relativeChange <= MAX_PERPLEXITY_RISE };
}
