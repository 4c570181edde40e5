import { bootstrapInterval, type Interval } from '@local-swarm/bench-kit';

/** An accuracy over tasks with its bootstrap 95% interval. */
export interface AccuracyFigure {
  readonly right: number;
  readonly total: number;
  readonly interval: Interval;
}

/** A paired comparison a − b over the same tasks. */
export interface PairedDifference {
  /** Mean of (a_i − b_i) with its bootstrap 95% interval (tasks resampled, pairs kept). */
  readonly interval: Interval;
  /** Tasks a got right and b wrong. */
  readonly wins: number;
  /** Tasks b got right and a wrong. */
  readonly losses: number;
}

const asNumber = (value: boolean): number => (value ? 1 : 0);

/** Accuracy of per-task right/wrong values, with a percentile bootstrap interval (seeded: reproducible). */
export function accuracyOf(values: readonly boolean[], seed = 1): AccuracyFigure {
  if (values.length === 0) throw new RangeError('accuracy of no tasks');
  return { right: values.filter(Boolean).length, total: values.length, interval: bootstrapInterval(values.map(asNumber), { seed }) };
}

/** a − b on the same tasks (paired): the interval of the mean difference, and the discordant tasks. */
export function pairedDifference(a: readonly boolean[], b: readonly boolean[], seed = 1): PairedDifference {
  if (a.length !== b.length) throw new RangeError(`paired lists differ in length: ${a.length} vs ${b.length}`);
  if (a.length === 0) throw new RangeError('paired difference of no tasks');
  const wins = a.filter((right, i) => right && b[i] === false).length;
  const losses = a.filter((right, i) => !right && b[i] === true).length;
  return { interval: bootstrapInterval(a.map((right, i) => asNumber(right) - asNumber(b[i] ?? false)), { seed }), wins, losses };
}
