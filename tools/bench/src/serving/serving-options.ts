import { parseArgs } from 'node:util';
import { numericFlag } from '../support/numeric-flag';

export interface ServingOptions {
  /** Measured pairs (one HTTP request + one in-process generation each); default 7. */
  readonly reps: number;
  /** Tokens per generation; default 128. */
  readonly maxTokens: number;
  /** CPU threads given to BOTH sides; default: the machine's available parallelism. */
  readonly threads: number;
  /** Node --context-size and the in-process context; default 512. */
  readonly contextSize: number;
  /** GGUF file; default: the node's default model. */
  readonly modelPath: string;
  /** Sampling, the same on both sides; defaults 42, 0.7, 0.95. */
  readonly seed: number;
  readonly temperature: number;
  readonly topP: number;
  /** Also ask node-llama-cpp for each token's probability in-process, as the node does; default off. */
  readonly inProcessConfidence: boolean;
  readonly help: boolean;
}

export const SERVING_USAGE = `node tools/bench/dist/serving/main.js [options]
  --reps <n>               measured pairs, HTTP and in-process interleaved (default 7)
  --max-tokens <n>         tokens per generation (default 128)
  --threads <n>            CPU threads for both sides (default: available parallelism)
  --context-size <n>       context tokens (default 512)
  --model <path>           GGUF model (default: the node's default model)
  --seed <n> --temperature <t> --top-p <p>   sampling, same on both sides (default 42, 0.7, 0.95)
  --in-process-confidence  in-process also computes token probabilities, as the node does (default off)`;

export function parseServingOptions(
  argv: readonly string[],
  defaults: { readonly threads: number; readonly modelPath: string },
): ServingOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      reps: { type: 'string' },
      'max-tokens': { type: 'string' },
      threads: { type: 'string' },
      'context-size': { type: 'string' },
      model: { type: 'string' },
      seed: { type: 'string' },
      temperature: { type: 'string' },
      'top-p': { type: 'string' },
      'in-process-confidence': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  const contextSize = numericFlag('context-size', values['context-size'], 512, { min: 64, max: 32_768 });
  const maxTokens = numericFlag('max-tokens', values['max-tokens'], 128, { min: 1, max: contextSize - 64 });
  return {
    reps: numericFlag('reps', values.reps, 7, { min: 1, max: 1000 }),
    maxTokens,
    threads: numericFlag('threads', values.threads, defaults.threads, { min: 1, max: 256 }),
    contextSize,
    modelPath: values.model ?? defaults.modelPath,
    seed: numericFlag('seed', values.seed, 42, { min: 0, max: 2 ** 31 - 1 }),
    temperature: numericFlag('temperature', values.temperature, 0.7, { min: 0, max: 2, integer: false }),
    topP: numericFlag('top-p', values['top-p'], 0.95, { min: 0, max: 1, integer: false }),
    inProcessConfidence: values['in-process-confidence'] ?? false,
    help: values.help ?? false,
  };
}
