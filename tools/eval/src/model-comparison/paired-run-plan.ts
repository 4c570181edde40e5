import path from 'node:path';

/** The two answer-quality runs and the comparison of a paired run, as command lines. */
export interface PairedRunPlan {
  readonly runs: readonly { readonly model: string; readonly records: string; readonly args: readonly string[] }[];
  readonly compareArgs: readonly string[];
  /** Where the answer-quality runs write their own reports (never the suite's results directory). */
  readonly runReportDir: string;
}

/** Flags answer-quality must not get from the caller: the plan sets them for each run. */
const OWNED_FLAGS = new Set(['--model', '--records', '--analyse-only']);

/**
 * Splits a paired run's command line: `--baseline-model` / `--candidate-model` pick the files,
 * every other flag goes to both answer-quality runs unchanged, so both see the same tasks, seed
 * and samples. Records get stable names, one per file, so a rerun replaces them.
 */
export function pairedRunPlan(args: readonly string[], defaults: { baselineModel: string; candidateModel: string; recordsDir: string }): PairedRunPlan {
  let baselineModel = defaults.baselineModel;
  let candidateModel = defaults.candidateModel;
  const shared: string[] = [];
  for (let index = 0; index < args.length; index++) {
    const flag = args[index] ?? '';
    const value = args[index + 1];
    if (flag === '--baseline-model' || flag === '--candidate-model') {
      if (value === undefined || value.startsWith('--')) throw new RangeError(`${flag} needs a GGUF path`);
      if (flag === '--baseline-model') baselineModel = value;
      else candidateModel = value;
      index++;
      continue;
    }
    if (OWNED_FLAGS.has(flag)) throw new RangeError(`${flag} is set by the paired run for each model; name the files with --baseline-model / --candidate-model`);
    shared.push(flag);
  }
  if (path.resolve(baselineModel) === path.resolve(candidateModel)) throw new RangeError('the baseline and candidate models are the same file');
  const records = (model: string): string => path.join(defaults.recordsDir, `${path.basename(model, '.gguf')}.jsonl`);
  const runs = [baselineModel, candidateModel].map((model) => ({ model, records: records(model), args: [...shared, '--model', model, '--records', records(model)] }));
  return {
    runs,
    compareArgs: ['--baseline', records(baselineModel), '--candidate', records(candidateModel), '--report-only'],
    runReportDir: path.join(defaults.recordsDir, 'reports'),
  };
}
