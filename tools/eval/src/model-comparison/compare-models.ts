import { bootstrapInterval, type Interval } from '@local-swarm/bench-kit';
import { analyseTask, type TaskOutcome } from '../analysis/task-outcome';
import type { PairedTask } from './paired-runs';

/** One accuracy measure (greedy, or majority@k) of both models on the same tasks. */
export interface MeasureComparison {
  /** "greedy" or "majority@k". */
  readonly measure: string;
  readonly baseline: Interval;
  readonly candidate: Interval;
  /** Paired over tasks: candidate − baseline, task by task, with its bootstrap interval. */
  readonly difference: Interval;
  /** Tasks the baseline did better on (greedy: right only on the baseline). */
  readonly betterOnBaseline: number;
  /** Tasks the candidate did better on. */
  readonly betterOnCandidate: number;
}

/** Share of answers cut off by max_tokens (finish reason "length"). */
export interface TruncationRates {
  readonly greedy: number;
  readonly samples: number;
}

export interface ModelComparison {
  readonly tasks: number;
  readonly measures: readonly MeasureComparison[];
  readonly truncated: { readonly baseline: TruncationRates; readonly candidate: TruncationRates };
  /** Per task, in the baseline's order: both sides' outcomes (for the discordance table). */
  readonly outcomes: readonly { readonly baseline: TaskOutcome; readonly candidate: TaskOutcome }[];
}

export interface ComparisonSettings {
  /** Vote sizes compared as majority@k (each needs k ≤ samples). */
  readonly ks: readonly number[];
  readonly seed: number;
  readonly resamples: number;
  readonly baselineModelId: string;
  readonly candidateModelId: string;
}

const mean = (values: readonly number[]): number => values.reduce((sum, value) => sum + value, 0) / values.length;

function compareMeasure(measure: string, baseline: readonly number[], candidate: readonly number[], settings: ComparisonSettings): MeasureComparison {
  const interval = (values: readonly number[]): Interval => bootstrapInterval(values, { seed: settings.seed, resamples: settings.resamples });
  const differences = candidate.map((value, index) => value - (baseline[index] ?? Number.NaN));
  return {
    measure,
    baseline: interval(baseline),
    candidate: interval(candidate),
    difference: interval(differences),
    betterOnBaseline: differences.filter((difference) => difference < 0).length,
    betterOnCandidate: differences.filter((difference) => difference > 0).length,
  };
}

function majorityAt(outcome: TaskOutcome, k: number): number {
  const vote = outcome.votes.find((entry) => entry.k === k);
  if (vote === undefined) throw new RangeError(`${outcome.taskId} has no vote of size ${k}`);
  return vote.majority;
}

/**
 * Greedy and majority@k accuracy of two models on paired tasks. Each task is scored exactly as
 * answer-quality scores it (analyseTask: the product's decide() over disjoint groups of k samples,
 * a task's figure the share of its groups that are right), and the bootstrap resamples tasks, so
 * a task's two figures move together and the difference stays paired.
 */
export function compareModels(pairs: readonly PairedTask[], settings: ComparisonSettings): ModelComparison {
  if (pairs.length === 0) throw new RangeError('no paired tasks to compare');
  const analyse = (pair: PairedTask): { baseline: TaskOutcome; candidate: TaskOutcome } => ({
    baseline: analyseTask(pair.baseline, { ks: settings.ks, earlyExitKs: [], modelId: settings.baselineModelId, seed: settings.seed }),
    candidate: analyseTask(pair.candidate, { ks: settings.ks, earlyExitKs: [], modelId: settings.candidateModelId, seed: settings.seed }),
  });
  const outcomes = pairs.map(analyse);
  const side = (pick: (outcome: TaskOutcome) => number): { baseline: number[]; candidate: number[] } => ({
    baseline: outcomes.map((pair) => pick(pair.baseline)),
    candidate: outcomes.map((pair) => pick(pair.candidate)),
  });
  const greedy = side((outcome) => outcome.greedy);
  const measures = [compareMeasure('greedy', greedy.baseline, greedy.candidate, settings)];
  for (const k of settings.ks) {
    const votes = side((outcome) => majorityAt(outcome, k));
    measures.push(compareMeasure(`majority@${k}`, votes.baseline, votes.candidate, settings));
  }
  const truncation = (pick: 'baseline' | 'candidate'): TruncationRates => ({
    greedy: mean(outcomes.map((pair) => pair[pick].truncated.greedy)),
    samples: mean(outcomes.map((pair) => pair[pick].truncated.samples)),
  });
  return { tasks: pairs.length, measures, truncated: { baseline: truncation('baseline'), candidate: truncation('candidate') }, outcomes };
}
