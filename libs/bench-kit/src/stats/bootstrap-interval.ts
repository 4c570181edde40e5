import { seededRandom } from './seeded-random';

/** A point estimate with its confidence interval. */
export interface Interval {
  readonly estimate: number;
  readonly lo: number;
  readonly hi: number;
}

export interface BootstrapOptions {
  /** Resamples drawn; default 2000. */
  readonly resamples?: number;
  /** Coverage of the interval; default 0.95. */
  readonly confidence?: number;
  /** Seed of the resampling, so a report can be reproduced exactly; default 1. */
  readonly seed?: number;
}

const mean = (values: readonly number[]): number => values.reduce((sum, value) => sum + value, 0) / values.length;

/** The q-quantile of sorted values, interpolating linearly between neighbours (type 7, R's default). */
function quantile(sorted: readonly number[], q: number): number {
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const lower = sorted[below] ?? Number.NaN;
  const upper = sorted[Math.min(below + 1, sorted.length - 1)] ?? Number.NaN;
  return lower + (upper - lower) * (position - below);
}

/**
 * Percentile bootstrap interval of the mean of `values` (one value per unit resampled, e.g. per
 * task). For a paired comparison pass each unit's difference (a_i − b_i): resampling units keeps
 * the pairing, which a difference of two separate intervals would not.
 */
export function bootstrapInterval(values: readonly number[], options: BootstrapOptions = {}): Interval {
  if (values.length === 0) throw new RangeError('bootstrap of an empty list');
  const resamples = options.resamples ?? 2000;
  const confidence = options.confidence ?? 0.95;
  if (!Number.isInteger(resamples) || resamples < 1) throw new RangeError(`resamples must be a positive integer, got ${resamples}`);
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`confidence must be in (0, 1), got ${confidence}`);
  const random = seededRandom(options.seed ?? 1);
  const means: number[] = [];
  for (let draw = 0; draw < resamples; draw++) {
    let sum = 0;
    for (let index = 0; index < values.length; index++) sum += values[Math.floor(random() * values.length)] ?? Number.NaN;
    means.push(sum / values.length);
  }
  means.sort((a, b) => a - b);
  const tail = (1 - confidence) / 2;
  return { estimate: mean(values), lo: quantile(means, tail), hi: quantile(means, 1 - tail) };
}
