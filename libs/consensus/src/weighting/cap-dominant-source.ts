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

/** A source over its limit by less than this (relative) is rounding, not dominance. */
const RELATIVE_EPSILON = 1e-9;
/**
 * With 3+ sources, how far below the sum of the others a dominant source is scaled: far above
 * decide()'s equality tolerance (1e-9), so everyone else agreeing is strictly heavier and never a
 * tie that the tie-breaks (a claimed score, the order of source ids) could hand to that source.
 */
export const DOMINANT_SOURCE_MARGIN = 1e-3;

function percent(fraction: number): string {
  return `${Math.round(fraction * 1000) / 10}%`;
}

/**
 * The rule every strategy shares: no source outweighs everyone else combined. A source is who the
 * caller says produced a candidate (this node's instances together are one source, each peer
 * another), so sending more candidates never buys more than half.
 * - With 3+ sources of positive weight, a source holding half the total or more is scaled down to
 *   just under the sum of all the others (DOMINANT_SOURCE_MARGIN): when all the others agree they
 *   win, even against a source whose id sorts first or whose candidates claim the best score.
 * - With 2 sources, the heavier is scaled down to exactly the other's weight: the two are peers,
 *   and a tie between them is settled by the tie-breaks (scaling below would let one candidate of
 *   a peer outvote a node's unanimous instances).
 * At most one source can hold half or more (two only as the two of a 2-source vote), so one clamp
 * suffices. A lone source is not clamped (there is nobody to protect), and sources below half
 * keep their weights unchanged.
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
  const limit = positive.length >= 3 ? others * (1 - DOMINANT_SOURCE_MARGIN) : others;
  if (heaviestTotal - limit <= RELATIVE_EPSILON * total) return { weights, notes: [] };

  const factor = limit / heaviestTotal;
  return {
    weights: subjects.map(({ source }, i) => (source === heaviest ? (weights[i] ?? 0) * factor : (weights[i] ?? 0))),
    notes: [
      `source ${JSON.stringify(heaviest)} held ${percent(heaviestTotal / total)} of the weight: clamped to ${positive.length >= 3 ? 'just under 50% (below' : '50% (equal to'} the sum of the other sources)`,
    ],
  };
}
