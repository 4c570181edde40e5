/** What weighting needs to know about a candidate. */
export interface WeightSubject {
  readonly source: string;
  readonly model: string;
}

export interface SharedWeights {
  /** One weight per subject, same order. */
  readonly weights: readonly number[];
  /** Why weights differ from the configured ones (a clamp), for the verdict's notes. */
  readonly notes: readonly string[];
}

/** A source over half the total by less than this (relative) is rounding, not dominance. */
const RELATIVE_EPSILON = 1e-9;

function percent(fraction: number): string {
  return `${Math.round(fraction * 1000) / 10}%`;
}

/**
 * weighted_vote's weights, in three steps:
 * 1. Share: a source's weight `sourceWeights[s]` (default 1) is split evenly among its k voting
 *    candidates (w_s / k each), so sending more samples buys no extra influence.
 * 2. Model: each candidate's share is multiplied by `modelWeights[m]` (default 1).
 * 3. Clamp: with 2+ sources of positive weight, a source holding more than half the total is
 *    scaled down to exactly the sum of all other sources (half the new total): it can tie with
 *    everyone else combined but never outvote them. At most one source can exceed half, so one
 *    clamp suffices. A lone source is not clamped (there is nobody to protect).
 */
export function shareSourceWeights(
  subjects: readonly WeightSubject[],
  sourceWeights: Readonly<Record<string, number>> = {},
  modelWeights: Readonly<Record<string, number>> = {},
): SharedWeights {
  const countBySource = new Map<string, number>();
  for (const { source } of subjects) countBySource.set(source, (countBySource.get(source) ?? 0) + 1);

  // Object.hasOwn: a source named "constructor" must not pick up Object.prototype.constructor.
  const lookup = (table: Readonly<Record<string, number>>, key: string): number =>
    Object.hasOwn(table, key) ? (table[key] ?? 1) : 1;
  const weights = subjects.map(
    ({ source, model }) =>
      (lookup(sourceWeights, source) / (countBySource.get(source) ?? 1)) * lookup(modelWeights, model),
  );

  const totalBySource = new Map<string, number>();
  subjects.forEach(({ source }, i) => totalBySource.set(source, (totalBySource.get(source) ?? 0) + (weights[i] ?? 0)));
  const positive = [...totalBySource].filter(([, total]) => total > 0);
  if (positive.length < 2) return { weights, notes: [] };

  const total = positive.reduce((sum, [, sourceTotal]) => sum + sourceTotal, 0);
  // The heaviest source; ties go to the earlier name, though a tie can never exceed half.
  const [heaviest, heaviestTotal] = positive.reduce((best, current) =>
    current[1] > best[1] || (current[1] === best[1] && current[0] < best[0]) ? current : best,
  );
  const others = total - heaviestTotal;
  if (heaviestTotal - others <= RELATIVE_EPSILON * total) return { weights, notes: [] };

  const factor = others / heaviestTotal;
  return {
    weights: subjects.map(({ source }, i) => (source === heaviest ? (weights[i] ?? 0) * factor : (weights[i] ?? 0))),
    notes: [
      `source ${JSON.stringify(heaviest)} held ${percent(heaviestTotal / total)} of the weight: clamped to 50% (the sum of the other sources)`,
    ],
  };
}
