import { defaultModelPath, DERIVED_Q4_0_FILE_NAME, derivedQ4_0ModelPath } from '@local-swarm/swarm-core';
import path from 'node:path';
import { parseArgs } from 'node:util';

export interface PerplexityOptions {
  /** GGUF of the model in use. */
  readonly baseline: string;
  /** GGUF of the model that would replace it. */
  readonly candidate: string;
  /** Plain text the perplexity is measured on. */
  readonly text: string;
  /** Context size of the evaluation (a window is this less the BOS token, if any). */
  readonly contextSize: number;
  /** Tokens between window starts; each token past the first window keeps contextSize − stride of context. */
  readonly stride: number;
  /** undefined: node-llama-cpp's count of math cores. */
  readonly threads: number | undefined;
  /** Exit 0 whatever the verdict (the benchmark suite reports it); by default a failed verdict exits 1. */
  readonly reportOnly: boolean;
}


/** The repository's fixed text: public-domain American founding documents and speeches. */
export const PERPLEXITY_TEXT = path.join(__dirname, '..', '..', 'data', 'perplexity.txt');

export const DEFAULT_PERPLEXITY = { contextSize: 512, stride: 256 } as const;

export const USAGE = `usage: node tools/eval/dist/perplexity/main.js [--baseline GGUF] [--candidate GGUF] [options]
  --baseline GGUF      the model in use (default: the default model in the model cache)
  --candidate GGUF     the model that would replace it (default: its derived Q4_0 file, ${DERIVED_Q4_0_FILE_NAME})
  --report-only        exit 0 whatever the verdict (it is in the report)
  --text FILE          plain text to score (default tools/eval/data/perplexity.txt)
  --context-size N     tokens per evaluation (default ${DEFAULT_PERPLEXITY.contextSize})
  --stride N           tokens between window starts (default ${DEFAULT_PERPLEXITY.stride})
  --threads N          CPU threads (default: node-llama-cpp's count of math cores)`;

/** The flag's value, or undefined when it was not given. */
function positiveInteger(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`--${name} must be a positive integer, got ${JSON.stringify(text)}`);
  return value;
}

/** Parses the command line; throws RangeError with a readable message on a missing or bad value. */
export function parsePerplexityOptions(args: readonly string[]): PerplexityOptions {
  const { values } = parseArgs({
    args: [...args],
    strict: true,
    options: {
      baseline: { type: 'string' },
      candidate: { type: 'string' },
      text: { type: 'string' },
      'context-size': { type: 'string' },
      stride: { type: 'string' },
      threads: { type: 'string' },
      'report-only': { type: 'boolean' },
    },
  });
  const contextSize = positiveInteger('context-size', values['context-size']) ?? DEFAULT_PERPLEXITY.contextSize;
  const stride = positiveInteger('stride', values.stride) ?? DEFAULT_PERPLEXITY.stride;
  if (stride >= contextSize - 1) throw new RangeError(`--stride must be below the context size less one (${contextSize - 1}), got ${stride}`);
  return {
    baseline: values.baseline ?? defaultModelPath(),
    candidate: values.candidate ?? derivedQ4_0ModelPath(),
    text: values.text ?? PERPLEXITY_TEXT,
    contextSize,
    stride,
    threads: positiveInteger('threads', values.threads),
    reportOnly: values['report-only'] === true,
  };
}
