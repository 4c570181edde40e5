/**
 * `--auto` sizing: how many instances (sequences) and what context fit on this machine.
 *
 * Weights are loaded once and shared by every sequence, so the cost of one more instance is
 * its KV cache, which the model's GGUF insights estimate. We keep a memory reserve for the OS
 * and the node itself, and never go beyond what the cores can usefully batch.
 */
export interface SwarmSizingInput {
  readonly freeMemoryBytes: number;
  readonly cpuCores: number;
  /** Bytes the model weights take in RAM. */
  readonly modelBytes: number;
  /** Estimated bytes of one context holding `sequences` sequences of `contextSize` tokens each. */
  readonly estimateContextBytes: (sequences: number, contextSize: number) => number;
  /** Per-sequence context the user asked for (tokens). */
  readonly contextSize: number;
}

export interface SwarmSize {
  readonly instances: number;
  readonly contextSize: number;
  /** Why this size, for the startup log. */
  readonly reason: string;
}

/** Fraction of free memory the swarm may use; the rest stays with the OS and other programs. */
export const AUTO_MEMORY_BUDGET_FRACTION = 0.5;
/** Upper bound of auto instances: past 8 candidates, votes change little and latency grows. */
export const AUTO_MAX_INSTANCES = 7;
/** Smallest context we shrink to before giving up on more instances. */
export const AUTO_MIN_CONTEXT_SIZE = 512;

/** Candidates per core we allow: batched decoding makes a few per core cheap (see docs/benchmarks). */
const INSTANCES_PER_CORE = 4;

/** Largest odd number <= n (at least 1): odd counts avoid 2-2 ties among local candidates. */
export function largestOddAtMost(n: number): number {
  const floor = Math.max(1, Math.floor(n));
  return floor % 2 === 1 ? floor : floor - 1;
}

export function chooseSwarmSize(input: SwarmSizingInput): SwarmSize {
  const budget = input.freeMemoryBytes * AUTO_MEMORY_BUDGET_FRACTION - input.modelBytes;
  const coreCap = largestOddAtMost(Math.min(AUTO_MAX_INSTANCES, input.cpuCores * INSTANCES_PER_CORE));

  for (let contextSize = input.contextSize; contextSize >= AUTO_MIN_CONTEXT_SIZE; contextSize = Math.floor(contextSize / 2)) {
    for (let instances = coreCap; instances >= 1; instances -= 2) {
      const needed = input.estimateContextBytes(instances, contextSize);
      if (needed <= budget) {
        return {
          instances,
          contextSize,
          reason:
            `${instances} instances x ${contextSize} tokens need ~${mib(needed + input.modelBytes)} MiB of ` +
            `${mib(input.freeMemoryBytes)} MiB free (budget ${Math.round(AUTO_MEMORY_BUDGET_FRACTION * 100)}%), ` +
            `capped at ${coreCap} for ${input.cpuCores} cores`,
        };
      }
    }
  }
  return {
    instances: 1,
    contextSize: AUTO_MIN_CONTEXT_SIZE,
    reason: `memory is tight (${mib(input.freeMemoryBytes)} MiB free): falling back to 1 instance x ${AUTO_MIN_CONTEXT_SIZE} tokens`,
  };
}

function mib(bytes: number): number {
  return Math.round(bytes / 1024 ** 2);
}
