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
 * The rule every strategy shares: with 2+ sources of positive weight, a source holding more than
 * half the total is scaled down to exactly the sum of all other sources (half the new total), so
 * it can tie with everyone else combined but never outvote them. A source is who the caller says
 * produced a candidate (this node's instances together are one source, each peer another), so
 * sending more candidates never buys more than half. At most one source can exceed half, so one
 * clamp suffices. A lone source is not clamped (there is nobody to protect), and sources that
 * stay at or below half keep their weights unchanged.
 */
export function capDominantSource(subjects: readonly Pick<WeightSubject, 'source'>[], weights: readonly number[]): SharedWeights {
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
