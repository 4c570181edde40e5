import { median } from '@local-swarm/bench-kit';

/** Median and range of a set of measurements; every figure NaN (and n 0) for an empty set. */
export interface SampleSpread {
  readonly n: number;
  readonly median: number;
  readonly min: number;
  readonly max: number;
}

/** The spread of the finite values (NaN, a measurement that failed, is left out). */
export function sampleSpread(values: readonly number[]): SampleSpread {
  const finite = values.filter((value) => Number.isFinite(value));
  if (finite.length === 0) return { n: 0, median: Number.NaN, min: Number.NaN, max: Number.NaN };
  return { n: finite.length, median: median(finite), min: Math.min(...finite), max: Math.max(...finite) };
}

/** `812 ms (n=3, 790–840)`, or `not measured`. */
export function formatSpread(spread: SampleSpread, unit = 'ms'): string {
  if (spread.n === 0) return 'not measured';
  const round = (value: number): string => String(Math.round(value));
  return `${round(spread.median)} ${unit} (median of ${spread.n}, range ${round(spread.min)}–${round(spread.max)})`;
}
