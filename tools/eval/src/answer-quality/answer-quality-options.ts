import { parseArgs } from 'node:util';

/**
 * Defaults sized to the benchmark's budget (≤ 6 minutes on a quiet 2-core machine). Measured in
 * the suite on a quiet 2-core machine: 32 factual + 8 arithmetic tasks (greedy + 16 samples each)
 * took 201 s, ~3.5 s per factual and ~11 s per arithmetic task; 48 + 12 is ~300 s.
 */
export const DEFAULT_OPTIONS = {
  factual: 48,
  arithmetic: 12,
  samples: 16,
  seed: 1,
  temperature: 0.7,
  topP: 0.95,
  contextSize: 320,
} as const;

export interface AnswerQualityOptions {
  readonly factual: number | 'all';
  readonly arithmetic: number;
  readonly samples: number;
  readonly seed: number;
  readonly temperature: number;
  readonly topP: number;
  readonly contextSize: number;
  /** null: node-llama-cpp's count of math cores. */
  readonly threads: number | null;
  /** GGUF file; undefined: the default model. */
  readonly model: string | undefined;
  readonly maxTokensFactual: number | undefined;
  readonly maxTokensArithmetic: number | undefined;
  /** Where the JSONL records go (a fresh file per run). */
  readonly records: string;
  /** Analyse this records file instead of running the model. */
  readonly analyseOnly: string | undefined;
  /** Also run the judge strategy on each task's first 7 samples (loads the model, samples nothing new). */
  readonly judge: boolean;
}

export const USAGE = `usage: node tools/eval/dist/answer-quality/main.js [options]
  --factual N|all        factual questions (a seeded subset of the set; default ${DEFAULT_OPTIONS.factual})
  --arithmetic N         generated arithmetic problems (default ${DEFAULT_OPTIONS.arithmetic})
  --samples N            sampled answers per task, one batched call (default ${DEFAULT_OPTIONS.samples})
  --seed S               subset, generator and sampling seed (default ${DEFAULT_OPTIONS.seed})
  --temperature T        sampling temperature (default ${DEFAULT_OPTIONS.temperature})
  --top-p P              nucleus sampling (default ${DEFAULT_OPTIONS.topP})
  --max-tokens-factual N, --max-tokens-arithmetic N   answer length limits (defaults 24, 48)
  --threads N            CPU threads (default: node-llama-cpp's count of math cores)
  --context-size N       tokens per instance (default ${DEFAULT_OPTIONS.contextSize})
  --model PATH           GGUF model (default: the fetched SmolLM2-135M-Instruct)
  --records FILE         JSONL records (default tmp/eval/answer-quality-<time>.jsonl)
  --analyse-only FILE    no model: analyse a records file and write the result
  --judge                also run the judge strategy on each task's first 7 samples (loads the
                         model, one greedy judge answer per task; works with --analyse-only too)`;

function integer(name: string, text: string | undefined, fallback: number, min: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min) throw new RangeError(`--${name} must be an integer >= ${min}, got ${JSON.stringify(text)}`);
  return value;
}

function fraction(name: string, text: string | undefined, fallback: number, max: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0 || value > max) throw new RangeError(`--${name} must be a number in [0, ${max}], got ${JSON.stringify(text)}`);
  return value;
}

/** Parses the command line; throws RangeError with a readable message on a bad value. */
export function parseAnswerQualityOptions(args: readonly string[], now: Date = new Date()): AnswerQualityOptions {
  const { values } = parseArgs({
    args: [...args],
    strict: true,
    options: {
      factual: { type: 'string' },
      arithmetic: { type: 'string' },
      samples: { type: 'string' },
      seed: { type: 'string' },
      temperature: { type: 'string' },
      'top-p': { type: 'string' },
      'max-tokens-factual': { type: 'string' },
      'max-tokens-arithmetic': { type: 'string' },
      threads: { type: 'string' },
      'context-size': { type: 'string' },
      model: { type: 'string' },
      records: { type: 'string' },
      'analyse-only': { type: 'string' },
      judge: { type: 'boolean' },
    },
  });
  const optional = (name: string, text: string | undefined): number | undefined => (text === undefined ? undefined : integer(name, text, 0, 1));
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  return {
    factual: values.factual === 'all' ? 'all' : integer('factual', values.factual, DEFAULT_OPTIONS.factual, 0),
    arithmetic: integer('arithmetic', values.arithmetic, DEFAULT_OPTIONS.arithmetic, 0),
    samples: integer('samples', values.samples, DEFAULT_OPTIONS.samples, 1),
    seed: integer('seed', values.seed, DEFAULT_OPTIONS.seed, 0),
    temperature: fraction('temperature', values.temperature, DEFAULT_OPTIONS.temperature, 2),
    topP: fraction('top-p', values['top-p'], DEFAULT_OPTIONS.topP, 1),
    contextSize: integer('context-size', values['context-size'], DEFAULT_OPTIONS.contextSize, 64),
    threads: optional('threads', values.threads) ?? null,
    model: values.model,
    maxTokensFactual: optional('max-tokens-factual', values['max-tokens-factual']),
    maxTokensArithmetic: optional('max-tokens-arithmetic', values['max-tokens-arithmetic']),
    records: values.records ?? `tmp/eval/answer-quality-${stamp}.jsonl`,
    analyseOnly: values['analyse-only'],
    judge: values.judge === true,
  };
}
