// Does a candidate model answer as well as the baseline? Pairs two answer-quality runs of the same
// tasks and seed and compares greedy and majority@k accuracy, task by task, with bootstrap intervals.
//   node tools/eval/dist/model-comparison/main.js --baseline tmp/eval/a.jsonl --candidate tmp/eval/b.jsonl
import { writeBenchResult } from '@local-swarm/bench-kit';
import { readFileSync } from 'node:fs';
import { DEFAULT_KS } from '../analysis/analyse-records';
import { parseRecords } from '../records/records-file';
import { compareModels } from './compare-models';
import { accuracyVerdict } from './comparison-verdict';
import { buildModelComparisonResult } from './model-comparison-report';
import { parseModelComparisonOptions, USAGE, type ModelComparisonOptions } from './model-comparison-options';
import { pairRuns } from './paired-runs';

const log = (line: string): void => console.log(`model-comparison: ${line}`);

function run(options: ModelComparisonOptions): boolean {
  const startedAt = new Date();
  const baseline = parseRecords(readFileSync(options.baseline, 'utf8'));
  const candidate = parseRecords(readFileSync(options.candidate, 'utf8'));
  const pairs = pairRuns(baseline, candidate);
  // k = 1 is one sample, not a vote; the rest are the vote sizes answer-quality reports.
  const ks = DEFAULT_KS.filter((k) => k > 1 && k <= baseline.run.samples);
  const comparison = compareModels(pairs, {
    ks,
    seed: baseline.run.seed,
    resamples: options.resamples,
    baselineModelId: baseline.run.modelId,
    candidateModelId: candidate.run.modelId,
  });
  const verdict = accuracyVerdict(comparison);
  const result = buildModelComparisonResult(comparison, verdict, {
    baseline,
    candidate,
    baselineFile: options.baseline,
    candidateFile: options.candidate,
    resamples: options.resamples,
    startedAt: startedAt.toISOString(),
    durationSeconds: (Date.now() - startedAt.getTime()) / 1000,
    maxDiscordantRows: 60,
  });
  for (const line of result.summary) log(line.replace(/\*\*/g, ''));
  log(`wrote ${writeBenchResult(result)}`);
  return verdict.passes;
}

function main(): void {
  let options: ModelComparisonOptions;
  try {
    options = parseModelComparisonOptions(process.argv.slice(2));
  } catch (error) {
    console.error(`model-comparison: ${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    process.exit(2);
  }
  try {
    // Exit 1 on a failed verdict, so a script can gate the switch of the default model on it.
    process.exitCode = run(options) || options.reportOnly ? 0 : 1;
  } catch (error) {
    console.error(`model-comparison: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  }
}

main();
