import { seededRandom } from '@local-swarm/bench-kit';
import { generateArithmeticTasks } from './arithmetic-generator';
import type { ArithmeticTask, EvalTask, FactualTask } from './eval-task';
import { loadFactualTasks } from './load-factual-tasks';

export interface TaskSelection {
  /** Factual questions to take from the set; 'all' (or more than the set has) takes every one. */
  readonly factual: number | 'all';
  /** Arithmetic problems to generate. */
  readonly arithmetic: number;
  /** Picks the factual subset and seeds the arithmetic generator. */
  readonly seed: number;
}

export interface LoadedTasks {
  /** Both families interleaved, so a run cut short still holds some of each. */
  readonly tasks: readonly EvalTask[];
  readonly factual: readonly FactualTask[];
  readonly arithmetic: readonly ArithmeticTask[];
  /** Questions in the whole factual set (the subset's size is factual.length). */
  readonly factualSetSize: number;
}

/** A seeded Fisher–Yates shuffle (a copy). */
export function seededShuffle<T>(values: readonly T[], seed: number): T[] {
  const random = seededRandom(seed);
  const shuffled = [...values];
  for (let index = shuffled.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    const here = shuffled[index] as T;
    shuffled[index] = shuffled[other] as T;
    shuffled[other] = here;
  }
  return shuffled;
}

/** Merges two lists keeping each one's order, spreading the shorter evenly through the longer. */
export function interleave<A, B>(first: readonly A[], second: readonly B[]): (A | B)[] {
  const merged: (A | B)[] = [];
  let i = 0;
  let j = 0;
  while (i < first.length || j < second.length) {
    // Take from the list that is further behind its share of the merged length.
    const firstBehind = (i + 0.5) / first.length <= (j + 0.5) / second.length;
    if (j >= second.length || (i < first.length && firstBehind)) merged.push(first[i++] as A);
    else merged.push(second[j++] as B);
  }
  return merged;
}

/**
 * The tasks of a run: a seeded random subset of the factual set (the first N of a shuffle, so a
 * bigger N contains a smaller one for the same seed) and N generated arithmetic problems.
 */
export function loadTasks(selection: TaskSelection, factualSet: readonly FactualTask[] = loadFactualTasks()): LoadedTasks {
  const factualCount = selection.factual === 'all' ? factualSet.length : Math.min(selection.factual, factualSet.length);
  // Offset the shuffle's seed so the factual subset and the arithmetic stream are not one stream.
  const factual = seededShuffle(factualSet, (selection.seed ^ 0x5eed) >>> 0).slice(0, factualCount);
  const arithmetic = generateArithmeticTasks(selection.seed, selection.arithmetic);
  return { tasks: interleave<EvalTask, EvalTask>(factual, arithmetic), factual, arithmetic, factualSetSize: factualSet.length };
}
