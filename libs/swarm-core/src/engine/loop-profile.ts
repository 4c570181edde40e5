import { performance } from 'node:perf_hooks';

/**
 * Where the lock-step loop spends its time, summed over every step of the batches it watched:
 * for benchmarks (`consensus-cost`), off in production (the engine only reads the clock when one
 * is given). `waitMs` is the decode and sampling of every live candidate, as node-llama-cpp does
 * them (awaiting the candidates' next tokens); `textMs` is detokenizing, stop strings and logprobs;
 * the rest of `loopMs` is the loop's own bookkeeping.
 */
export class LoopProfile {
  /** Lock steps run (one batched decode each). */
  steps = 0;
  /** Tokens the steps produced, all candidates together. */
  tokens = 0;
  waitMs = 0;
  textMs = 0;
  loopMs = 0;

  /** The clock the loop reads (ms). */
  now(): number {
    return performance.now();
  }

  reset(): void {
    this.steps = 0;
    this.tokens = 0;
    this.waitMs = 0;
    this.textMs = 0;
    this.loopMs = 0;
  }
}
