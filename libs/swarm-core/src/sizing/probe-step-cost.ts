import { LlamaEngine } from '../engine/llama-engine';
import type { LlamaContextSequence, Token } from '../engine/llama-types';
import { silentLogger } from '../logger/logger';
import {
  measureStepTimes,
  PROBE_ROUNDS,
  PROBE_STEPS_PER_ROUND,
  PROBE_TIME_LIMIT_MS,
  type StepTimes,
} from './measure-step-times';

/** A short fixed prompt: the probe times generation steps, not prompt decoding. */
const PROBE_PROMPT = 'The three largest cities of the world are';
/** Tokens per sequence when the probe needs no more: a few KiB of KV cache per sequence. */
const PROBE_CONTEXT_TOKENS = 128;
/** The node's default sampling, so the probe samples as a request does. */
const PROBE_SAMPLING = { temperature: 0.7, topP: 0.95 } as const;

export interface StepCostProbeOptions {
  /** A local GGUF file. */
  readonly modelPath: string;
  /** Candidate counts to time: 1, then increasing odd counts (e.g. 1, 3, 5, 7). */
  readonly counts: readonly number[];
  /** CPU threads, as the node will decode with; null = one per math core. */
  readonly threads: number | null;
  /** Time for the timed steps; defaults to {@link PROBE_TIME_LIMIT_MS}. */
  readonly timeLimitMs?: number;
}

export interface StepCostProbe extends StepTimes {
  /** Wall time of the whole probe, loading and disposal included (for the log). */
  readonly durationMs: number;
}

/**
 * Times lock-step decode+sample steps of this model on this machine: ONE context with max(counts)
 * sequences, each sequence its own seed, every sequence's token queued in the same tick so
 * node-llama-cpp decodes them in one batch, as the node's lock-step loop does. The counts are
 * interleaved over {@link PROBE_ROUNDS} rounds of {@link PROBE_STEPS_PER_ROUND} steps (about a
 * second for 1, 3, 5, 7 on 2 cores with SmolLM2-135M), medians taken. The time limit bounds the
 * timed steps; loading is not limited, as it is the load the node makes right after (the second
 * one, from the page cache: ~0.6 s here). Everything is disposed before it returns.
 */
export async function probeStepCost(options: StepCostProbeOptions): Promise<StepCostProbe> {
  const startedAt = performance.now();
  const largest = Math.max(...options.counts);
  if (!Number.isInteger(largest) || largest < 1) throw new RangeError(`step cost probe: bad counts ${options.counts.join(', ')}`);
  const steps = PROBE_ROUNDS * PROBE_STEPS_PER_ROUND * options.counts.length;
  const engine = await LlamaEngine.load({
    modelPath: options.modelPath,
    sequences: largest,
    // The prompt (fewer tokens than characters, plus BOS), one warm-up step and every timed step
    // stay in the first sequence's history.
    contextSize: Math.max(PROBE_CONTEXT_TOKENS, PROBE_PROMPT.length + 2 + steps),
    threads: options.threads,
    logger: silentLogger,
  });
  try {
    const step = lockStepper(engine.sequences, await firstTokens(engine));
    // Untimed: the first step after loading pays for cold caches and allocations.
    await step(largest);
    const times = await measureStepTimes({
      counts: options.counts,
      timeLimitMs: options.timeLimitMs ?? PROBE_TIME_LIMIT_MS,
      now: () => performance.now(),
      step,
    });
    return { ...times, durationMs: performance.now() - startedAt };
  } finally {
    await engine.dispose();
  }
}

/** Decodes the prompt on every sequence and returns each one's first sampled token. */
async function firstTokens(engine: LlamaEngine): Promise<Token[]> {
  const prompt = engine.tokenize({ kind: 'text', text: PROBE_PROMPT });
  const head = prompt.slice(0, -1);
  const last = prompt[prompt.length - 1];
  if (last === undefined) throw new Error('step cost probe: the prompt has no tokens');
  return Promise.all(
    engine.sequences.map(async (sequence, index) => {
      const results = await sequence.controlledEvaluate([...head, [last, generateNext(index)]]);
      return results[results.length - 1]?.next.token ?? last;
    }),
  );
}

/**
 * One lock-step step of the first `candidates` sequences: each feeds back the token it sampled
 * last. controlledEvaluate builds a native sampler per call, which the node's loop avoids (one per
 * candidate); for a few dozen probe steps that costs little, and it errs towards a higher cost.
 */
function lockStepper(sequences: readonly LlamaContextSequence[], lastTokens: Token[]): (candidates: number) => Promise<void> {
  return async (candidates) => {
    await Promise.all(
      sequences.slice(0, candidates).map(async (sequence, index) => {
        const token = lastTokens[index];
        if (token === undefined) return;
        const [result] = await sequence.controlledEvaluate([[token, generateNext(index)]]);
        lastTokens[index] = result?.next.token ?? token;
      }),
    );
  };
}

function generateNext(index: number): { generateNext: { token: true; options: { temperature: number; topP: number; seed: number } } } {
  return { generateNext: { token: true, options: { ...PROBE_SAMPLING, seed: index + 1 } } };
}
