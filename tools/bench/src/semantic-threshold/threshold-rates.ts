/** One pair's cosine similarity and whether its two answers mean the same. */
export interface ScoredPair {
  readonly cosine: number;
  readonly same: boolean;
}

/** At one threshold: the share of same-meaning pairs merged, and of different pairs wrongly merged. */
export interface ThresholdRate {
  readonly threshold: number;
  readonly sameMerged: number;
  readonly differentMerged: number;
}

/** The merge rates per threshold (a pair merges at cosine >= threshold, as clusterByEmbedding does). */
export function thresholdRates(pairs: readonly ScoredPair[], thresholds: readonly number[]): ThresholdRate[] {
  const same = pairs.filter((pair) => pair.same);
  const different = pairs.filter((pair) => !pair.same);
  const mergedShare = (list: readonly ScoredPair[], threshold: number): number =>
    list.length === 0 ? 0 : list.filter((pair) => pair.cosine >= threshold).length / list.length;
  return thresholds.map((threshold) => ({
    threshold,
    sameMerged: mergedShare(same, threshold),
    differentMerged: mergedShare(different, threshold),
  }));
}
