import { seededRandom, type BootstrapOptions, type Interval } from '@local-swarm/bench-kit';

/**
 * Percentile bootstrap of any statistic over units (here tasks): each resample draws as many units
 * as there are, with replacement, and computes the statistic on the units drawn. For statistics
 * that are not a mean over units, such as accuracy among the groups of a kind pooled over tasks,
 * which bench-kit's bootstrapInterval (a mean) cannot give. Resamples where the statistic is
 * undefined (NaN: e.g. no group of that kind was drawn) are left out; `usedResamples` says how many
 * were kept. Null when the statistic is undefined on the units themselves.
 */
export function bootstrapStatistic<T>(units: readonly T[], statistic: (drawn: readonly T[]) => number, options: BootstrapOptions = {}): (Interval & { readonly usedResamples: number }) | null {
  const estimate = statistic(units);
  if (units.length === 0 || Number.isNaN(estimate)) return null;
  const resamples = options.resamples ?? 2000;
  const confidence = options.confidence ?? 0.95;
  const random = seededRandom(options.seed ?? 1);
  const values: number[] = [];
  for (let draw = 0; draw < resamples; draw++) {
    const drawn = units.map(() => units[Math.floor(random() * units.length)]).filter((unit): unit is T => unit !== undefined);
    const value = statistic(drawn);
    if (!Number.isNaN(value)) values.push(value);
  }
  values.sort((a, b) => a - b);
  const at = (share: number): number => {
    // Linear interpolation between order statistics (R's type 7), as bootstrapInterval does.
    const rank = share * (values.length - 1);
    const low = values[Math.floor(rank)] ?? estimate;
    const high = values[Math.ceil(rank)] ?? estimate;
    return low + (high - low) * (rank - Math.floor(rank));
  };
  const tail = (1 - confidence) / 2;
  return { estimate, lo: at(tail), hi: at(1 - tail), usedResamples: values.length };
}
