/** Median wall time of one way of producing N candidates. */
export interface CostPoint {
  readonly n: number;
  readonly ms: number;
}

/** Each point's time over the time of its N=1 point (the cost of consensus in "candidates' worth"). */
export function ratiosToSingle(points: readonly CostPoint[]): { n: number; ms: number; ratio: number }[] {
  const single = points.find((point) => point.n === 1);
  if (single === undefined || single.ms <= 0) throw new RangeError('ratios need a positive N=1 time');
  return points.map((point) => ({ ...point, ratio: point.ms / single.ms }));
}

/** Formats a ratio the way the report quotes them: "1.82x". */
export function formatRatio(ratio: number): string {
  return `${ratio.toFixed(2)}x`;
}
