export interface LinearFit {
  /** Change in y per unit of x. */
  readonly slope: number;
  /** y at x = 0. */
  readonly intercept: number;
}

/** Ordinary least-squares line through the points; needs at least two distinct x. */
export function fitLine(points: readonly { readonly x: number; readonly y: number }[]): LinearFit {
  const n = points.length;
  const meanX = points.reduce((sum, point) => sum + point.x, 0) / n;
  const meanY = points.reduce((sum, point) => sum + point.y, 0) / n;
  let covariance = 0;
  let varianceX = 0;
  for (const point of points) {
    covariance += (point.x - meanX) * (point.y - meanY);
    varianceX += (point.x - meanX) ** 2;
  }
  if (n < 2 || varianceX === 0) throw new RangeError('a line needs at least two distinct x values');
  const slope = covariance / varianceX;
  return { slope, intercept: meanY - slope * meanX };
}
