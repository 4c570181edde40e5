/** Accuracy of the votes whose confidence figure fell in [lo, hi) (the last bucket holds hi too). */
export interface AccuracyBucket {
  readonly lo: number;
  readonly hi: number;
  readonly count: number;
  /** Right answers among them; accuracy = right / count (NaN for an empty bucket). */
  readonly right: number;
  readonly accuracy: number;
}

/** The agreement buckets of the calibration table: is a vote that agrees more, right more often? */
export const AGREEMENT_EDGES: readonly number[] = [0, 0.3, 0.45, 0.6, 0.8, 1];
/** Entropy over groups in nats (ln 2 ≈ 0.69 is two equal groups; 7 votes reach at most ln 8 ≈ 2.08). */
export const ENTROPY_EDGES: readonly number[] = [0, 0.5, 1, 1.5, Number.POSITIVE_INFINITY];

/**
 * Counts each vote in the bucket its value falls in: [edges[i], edges[i + 1]), the last bucket
 * closed on the right so that agreement 1 has a home. A value outside the edges is a bug in the
 * figure, not a vote to lose quietly: RangeError.
 */
export function accuracyBuckets(votes: readonly { readonly value: number; readonly right: number }[], edges: readonly number[]): AccuracyBucket[] {
  if (edges.length < 2 || edges.some((edge, index) => index > 0 && edge <= (edges[index - 1] ?? edge))) throw new RangeError(`bucket edges must rise: ${edges.join(', ')}`);
  const buckets = edges.slice(0, -1).map((lo, index) => ({ lo, hi: edges[index + 1] ?? lo, count: 0, right: 0 }));
  for (const vote of votes) {
    const last = buckets.length - 1;
    const bucket = buckets.find((entry, index) => vote.value >= entry.lo && (vote.value < entry.hi || (index === last && vote.value === entry.hi)));
    if (bucket === undefined) throw new RangeError(`${vote.value} lies outside the buckets [${edges[0]}, ${edges.at(-1)}]`);
    bucket.count += 1;
    bucket.right += vote.right;
  }
  return buckets.map((bucket) => ({ ...bucket, accuracy: bucket.count === 0 ? Number.NaN : bucket.right / bucket.count }));
}
