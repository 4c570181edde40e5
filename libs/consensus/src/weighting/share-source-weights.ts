import { capDominantSource, type SharedWeights, type WeightSubject } from './cap-dominant-source';

export type { SharedWeights, WeightSubject } from './cap-dominant-source';

/**
 * weighted_vote's weights, in three steps:
 * 1. Share: a source's weight `sourceWeights[s]` (default 1) is split evenly among its k voting
 *    candidates (w_s / k each), so sending more samples buys no extra influence.
 * 2. Model: each candidate's share is multiplied by `modelWeights[m]` (default 1).
 * 3. Clamp: no source above half the total (see capDominantSource), as in every strategy.
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
  return capDominantSource(subjects, weights);
}
