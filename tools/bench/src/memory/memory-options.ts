import { parseArgs } from 'node:util';
import { integerListFlag, numericFlag } from '../support/numeric-flag';

export interface MemoryOptions {
  /** Instance counts to start nodes with; default 1, 3, 5, 8. */
  readonly instances: readonly number[];
  /** Node starts per instance count (medians over them); default 2. */
  readonly starts: number;
  /** --context-size of every node; default 512. */
  readonly contextSize: number;
  /** --threads of every node; default: the machine's available parallelism. */
  readonly threads: number;
  /** Tokens each candidate of the one request generates; default 16. */
  readonly maxTokens: number;
  /** GGUF file; default: the node's default model. */
  readonly modelPath: string;
  readonly help: boolean;
}

export const MEMORY_USAGE = `node tools/bench/dist/memory/main.js [options]
  --instances <list>   instance counts, comma-separated (default 1,3,5,8)
  --starts <n>         node starts per instance count, medians over them (default 2)
  --context-size <n>   context tokens per instance (default 512)
  --threads <n>        CPU threads of each node (default: available parallelism)
  --max-tokens <n>     tokens per candidate of the request that uses every instance (default 16)
  --model <path>       GGUF model (default: the node's default model)`;

export function parseMemoryOptions(argv: readonly string[], defaults: { readonly threads: number; readonly modelPath: string }): MemoryOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      instances: { type: 'string' },
      starts: { type: 'string' },
      'context-size': { type: 'string' },
      threads: { type: 'string' },
      'max-tokens': { type: 'string' },
      model: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  const instances = [...new Set(integerListFlag('instances', values.instances, [1, 3, 5, 8], 1, 64))].sort((a, b) => a - b);
  if (instances.length < 2) throw new RangeError('--instances needs at least two different counts to measure growth per instance');
  const contextSize = numericFlag('context-size', values['context-size'], 512, { min: 64, max: 32_768 });
  return {
    instances,
    starts: numericFlag('starts', values.starts, 2, { min: 1, max: 20 }),
    contextSize,
    threads: numericFlag('threads', values.threads, defaults.threads, { min: 1, max: 256 }),
    maxTokens: numericFlag('max-tokens', values['max-tokens'], 16, { min: 1, max: contextSize - 64 }),
    modelPath: values.model ?? defaults.modelPath,
    help: values.help ?? false,
  };
}
