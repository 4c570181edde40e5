/** A model weight chosen on some tasks and tested on others. */
export interface CrossFitResult {
  /** Per task (input order): right with the weight chosen on the OTHER folds. */
  readonly correct: readonly boolean[];
  /** The weight chosen for each fold (on the tasks outside it). */
  readonly chosen: readonly number[];
  /** Accuracy of each grid weight on all tasks: in-sample, so optimistic (for the sensitivity table only). */
  readonly inSample: readonly number[];
}

const accuracy = (values: readonly boolean[]): number => (values.length === 0 ? 0 : values.filter(Boolean).length / values.length);

/**
 * Chooses a weight from `grid` without testing it on the data it was chosen on: tasks are split
 * into `folds` folds by position (task i in fold i mod folds, so interleaved families stay mixed);
 * each fold is scored with the weight that was best on the other folds. Ties go to the weight
 * closest to `preferred` (1: equal weights, the default a user would run), then to the smaller.
 * `gridCorrect[i][g]`: was task i right with grid[g]?
 */
export function crossFitWeight(gridCorrect: readonly (readonly boolean[])[], grid: readonly number[], folds = 2, preferred = 1): CrossFitResult {
  if (grid.length === 0) throw new RangeError('crossFitWeight needs a non-empty grid');
  if (!Number.isInteger(folds) || folds < 2) throw new RangeError(`folds must be an integer ≥ 2, got ${folds}`);
  if (gridCorrect.some((row) => row.length !== grid.length)) throw new RangeError('every task needs one result per grid weight');
  const column = (g: number, rows: readonly (readonly boolean[])[]): boolean[] => rows.map((row) => row[g] ?? false);
  const best = (rows: readonly (readonly boolean[])[]): number => {
    let bestIndex = 0;
    grid.forEach((weight, g) => {
      const current = grid[bestIndex] ?? weight;
      const gain = accuracy(column(g, rows)) - accuracy(column(bestIndex, rows));
      const closer = Math.abs(weight - preferred) < Math.abs(current - preferred) || (Math.abs(weight - preferred) === Math.abs(current - preferred) && weight < current);
      if (gain > 1e-12 || (Math.abs(gain) <= 1e-12 && closer)) bestIndex = g;
    });
    return bestIndex;
  };
  const chosenIndex = Array.from({ length: folds }, (_, fold) => best(gridCorrect.filter((_, i) => i % folds !== fold)));
  return {
    correct: gridCorrect.map((row, i) => row[chosenIndex[i % folds] ?? 0] ?? false),
    chosen: chosenIndex.map((g) => grid[g] ?? Number.NaN),
    inSample: grid.map((_, g) => accuracy(column(g, gridCorrect))),
  };
}
