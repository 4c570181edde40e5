import { parseArgs } from 'node:util';

export interface ModelComparisonOptions {
  /** Records of the model in use today. */
  readonly baseline: string;
  /** Records of the model that would replace it. */
  readonly candidate: string;
  /** Bootstrap resamples of every interval. */
  readonly resamples: number;
  /** Exit 0 whatever the verdict (the benchmark suite reports it); by default a failed verdict exits 1. */
  readonly reportOnly: boolean;
}

export const DEFAULT_RESAMPLES = 10_000;

export const USAGE = `usage: node tools/eval/dist/model-comparison/main.js --baseline FILE --candidate FILE [--resamples N]
  --baseline FILE    answer-quality records (JSONL) of the model in use
  --candidate FILE   answer-quality records of the model that would replace it: same tasks, --seed and --samples
  --resamples N      bootstrap resamples (default ${DEFAULT_RESAMPLES})
  --report-only      exit 0 whatever the verdict (it is in the report)`;

/** Parses the command line; throws RangeError with a readable message on a missing or bad value. */
export function parseModelComparisonOptions(args: readonly string[]): ModelComparisonOptions {
  const { values } = parseArgs({
    args: [...args],
    strict: true,
    options: { baseline: { type: 'string' }, candidate: { type: 'string' }, resamples: { type: 'string' }, 'report-only': { type: 'boolean' } },
  });
  if (values.baseline === undefined || values.candidate === undefined) throw new RangeError('--baseline and --candidate are both required');
  const resamples = values.resamples === undefined ? DEFAULT_RESAMPLES : Number(values.resamples);
  if (!Number.isInteger(resamples) || resamples < 1) throw new RangeError(`--resamples must be a positive integer, got ${JSON.stringify(values.resamples)}`);
  return { baseline: values.baseline, candidate: values.candidate, resamples, reportOnly: values['report-only'] === true };
}
