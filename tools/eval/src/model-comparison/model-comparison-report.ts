import type { BenchResult, BenchTable } from '@local-swarm/bench-kit';
import { percent, percentWithInterval, pointsWithInterval } from '../answer-quality/format-figures';
import type { RecordsFile } from '../records/records-file';
import type { ModelComparison } from './compare-models';
import { MAX_ACCURACY_DROP, type AccuracyVerdict } from './comparison-verdict';

export const MODEL_COMPARISON_COMMAND = 'node tools/eval/dist/model-comparison/main.js --baseline <records.jsonl> --candidate <records.jsonl>';

export interface ComparisonContext {
  readonly baseline: RecordsFile;
  readonly candidate: RecordsFile;
  readonly baselineFile: string;
  readonly candidateFile: string;
  readonly resamples: number;
  readonly startedAt: string;
  readonly durationSeconds: number;
  /** Rows of the per-task table at most (the discordant tasks, greedy first). */
  readonly maxDiscordantRows: number;
}

function accuracyTable(comparison: ModelComparison, verdict: AccuracyVerdict, context: ComparisonContext): BenchTable {
  return {
    title: `Accuracy on the same ${comparison.tasks} tasks and seeds; difference = candidate − baseline (bootstrap 95% intervals over tasks, ${context.resamples} resamples)`,
    columns: ['answer', context.baseline.run.model, context.candidate.run.model, 'difference', 'better only on baseline', 'better only on candidate', `within −${MAX_ACCURACY_DROP * 100} pp`, 'interval within it'],
    rows: comparison.measures.map((measure, index) => {
      const judged = verdict.measures[index];
      return [
        measure.measure,
        percentWithInterval(measure.baseline),
        percentWithInterval(measure.candidate),
        pointsWithInterval(measure.difference),
        measure.betterOnBaseline,
        measure.betterOnCandidate,
        judged?.passes === true ? 'yes' : 'NO',
        judged?.intervalWithinLimit === true ? 'yes' : 'no',
      ];
    }),
  };
}

function truncationTable(comparison: ModelComparison, context: ComparisonContext): BenchTable {
  const { baseline, candidate } = comparison.truncated;
  return {
    title: 'Answers cut off by max_tokens (finish reason "length"; the vote drops them)',
    columns: ['model', 'greedy truncated', 'samples truncated'],
    rows: [
      [context.baseline.run.model, percent(baseline.greedy), percent(baseline.samples)],
      [context.candidate.run.model, percent(candidate.greedy), percent(candidate.samples)],
    ],
  };
}

/** Tasks where the models disagree on greedy or on the largest vote: where to look for why. */
function discordanceTable(comparison: ModelComparison, context: ComparisonContext): BenchTable {
  const largest = comparison.measures.at(-1)?.measure ?? 'greedy';
  const k = Number(largest.replace('majority@', ''));
  const voteOf = (votes: readonly { k: number; majority: number }[]): number => votes.find((vote) => vote.k === k)?.majority ?? Number.NaN;
  const rows = comparison.outcomes
    .filter((pair) => pair.baseline.greedy !== pair.candidate.greedy || voteOf(pair.baseline.votes) !== voteOf(pair.candidate.votes))
    .map((pair) => [
      pair.baseline.taskId,
      `${pair.baseline.greedy} → ${pair.candidate.greedy}`,
      `${voteOf(pair.baseline.votes).toFixed(2)} → ${voteOf(pair.candidate.votes).toFixed(2)}`,
      `${percent(pair.baseline.singleSample)} → ${percent(pair.candidate.singleSample)}`,
      `${percent(pair.baseline.truncated.samples)} → ${percent(pair.candidate.truncated.samples)}`,
    ]);
  return {
    title: `Tasks where the models differ (baseline → candidate; first ${Math.min(rows.length, context.maxDiscordantRows)} of ${rows.length})`,
    columns: ['task', 'greedy right', `${largest} right`, 'samples right', 'samples truncated'],
    rows: rows.slice(0, context.maxDiscordantRows),
  };
}

/** The comparison as a BenchResult: headline verdict, accuracy, truncation, discordant tasks. */
export function buildModelComparisonResult(comparison: ModelComparison, verdict: AccuracyVerdict, context: ComparisonContext): BenchResult {
  const failing = verdict.measures.filter((measure) => !measure.passes).map((measure) => measure.measure);
  const summary = [
    `**${verdict.passes ? 'PASS' : 'FAIL'}**: ${context.candidate.run.model} vs ${context.baseline.run.model} on ${comparison.tasks} paired tasks (seed ${context.baseline.run.seed}, ${context.baseline.run.samples} samples): ${
      verdict.passes ? `no accuracy drops by more than ${MAX_ACCURACY_DROP * 100} points` : `${failing.join(', ')} drop${failing.length === 1 ? 's' : ''} by more than ${MAX_ACCURACY_DROP * 100} points`
    }`,
    ...comparison.measures.map(
      (measure) => `${measure.measure}: ${percent(measure.baseline.estimate)} → ${percent(measure.candidate.estimate)}, ${pointsWithInterval(measure.difference)} (better only on baseline ${measure.betterOnBaseline}, only on candidate ${measure.betterOnCandidate})`,
    ),
    `samples truncated: ${percent(comparison.truncated.baseline.samples)} → ${percent(comparison.truncated.candidate.samples)}`,
  ];
  return {
    name: 'model-comparison',
    title: 'Model comparison: the same tasks and seeds on two GGUF files',
    command: MODEL_COMPARISON_COMMAND,
    startedAt: context.startedAt,
    durationSeconds: context.durationSeconds,
    summary,
    tables: [accuracyTable(comparison, verdict, context), truncationTable(comparison, context), discordanceTable(comparison, context)],
    notes: [
      `Records: ${context.baselineFile} (baseline) and ${context.candidateFile} (candidate), both written by answer-quality.`,
      `The rule: the candidate passes when no paired difference (greedy, majority@k) is below −${MAX_ACCURACY_DROP * 100} points as a point estimate; "interval within it" says whether the 95% interval also rules out a larger drop.`,
      'majority@k of a task is the share of its disjoint groups of k samples whose winner is right, so with few groups a task moves in steps of 1/groups.',
    ],
  };
}
