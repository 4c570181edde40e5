import { median } from '@local-swarm/bench-kit';
import { performance } from 'node:perf_hooks';
import { loadNodeLlamaCpp } from '../support/node-llama-cpp';
import { COUNTING_PROMPT } from './swarm-cost';

/** What one generation step of n sequences costs in node-llama-cpp itself, part by part. */
export interface EngineStepCost {
  readonly n: number;
  /** Median ms of one decode holding n tokens (one per sequence), no logits: the transformer's body. */
  readonly decodeMs: number;
  /** The same decode with each sequence's logits computed and its most likely token taken: adds the output layer. */
  readonly greedyMs: number;
  /** Logits and each sequence's token sampled (temperature 0.7, top_p 0.95, node-llama-cpp's top_k 40): what generation pays. */
  readonly decodeAndSampleMs: number;
  /** The same step through one evaluateWithMetadata generator per sequence (confidence on): exactly what the lock-step loop awaits. */
  readonly generatorMs: number;
}

export type StepMode = 'decode' | 'greedy' | 'sample' | 'generator';
const MODES: readonly StepMode[] = ['decode', 'greedy', 'sample', 'generator'];
/** Steps of a round before its timing starts: the first ones allocate compute buffers. */
const WARM_STEPS = 3;

type Sequence = import('node-llama-cpp', { with: { 'resolution-mode': 'import' } }).LlamaContextSequence;
type Token = import('node-llama-cpp', { with: { 'resolution-mode': 'import' } }).Token;

/**
 * One round of `steps` timed steps of every sequence at once (after a few untimed ones), from a
 * fresh prompt: the median ms of a step. Every step queues each sequence's token in the same tick,
 * so node-llama-cpp decodes them in ONE llama_decode batch, as the lock-step loop does.
 */
export async function stepRoundMs(sequences: readonly Sequence[], prompt: readonly Token[], mode: StepMode, steps: number): Promise<number> {
  const head = prompt.slice(0, -1);
  const lastPromptToken = prompt[prompt.length - 1];
  if (lastPromptToken === undefined) throw new RangeError('empty prompt');
  const options = (index: number, step: number) => ({ temperature: 0.7, topP: 0.95, seed: 1000 + index * 31 + step });
  await Promise.all(sequences.map((sequence) => sequence.clearHistory()));
  await Promise.all(sequences.map((sequence) => sequence.evaluateWithoutGeneratingNewTokens(head)));
  const times: number[] = [];
  if (mode === 'generator') {
    const generators = sequences.map((sequence, index) => sequence.evaluateWithMetadata([lastPromptToken], { confidence: true }, options(index, 0)));
    try {
      for (let step = 0; step < WARM_STEPS + steps; step++) {
        const startedAt = performance.now();
        await Promise.all(generators.map((generator) => generator.next()));
        if (step >= WARM_STEPS) times.push(performance.now() - startedAt);
      }
    } finally {
      await Promise.all(generators.map((generator) => generator.return(undefined)));
    }
    return median(times);
  }
  let next = sequences.map(() => lastPromptToken);
  for (let step = 0; step < WARM_STEPS + steps; step++) {
    const startedAt = performance.now();
    const results = await Promise.all(
      sequences.map((sequence, index) => {
        const token = next[index] ?? lastPromptToken;
        if (mode === 'decode') return sequence.controlledEvaluate([token]);
        const sampling = mode === 'greedy' ? { temperature: 0 } : options(index, step);
        return sequence.controlledEvaluate([[token, { generateNext: { token: true, options: sampling } }]]);
      }),
    );
    if (step >= WARM_STEPS) times.push(performance.now() - startedAt);
    // Without logits, feed the prompt's last token again: what is decoded doesn't change the cost.
    next = results.map((result, index) => result[0]?.next?.token ?? next[index] ?? lastPromptToken);
  }
  return median(times);
}

/**
 * The engine's floor for "n candidates vs one": for each n, ONE context of exactly n sequences
 * (the shape of a node started with --instances n). Four ways of stepping tell apart what limits
 * the ratio: the body's decode, the output layer, sampling, and node-llama-cpp's generator.
 * Rounds interleave every n and every way, so a slow spell of a busy machine lands on all alike.
 */
export async function measureEngineSteps(
  modelPath: string,
  ns: readonly number[],
  threads: number,
  steps: number,
  rounds: number,
): Promise<EngineStepCost[]> {
  const lib = await loadNodeLlamaCpp();
  const llama = await lib.getLlama({ gpu: false, build: 'never', logLevel: lib.LlamaLogLevel.error });
  const model = await llama.loadModel({ modelPath });
  const contexts = await Promise.all(ns.map((n) => model.createContext({ sequences: n, contextSize: 256, threads, batchSize: 256 })));
  // Each context's sequences, taken once: a disposed sequence returns to its context only later.
  const sequencesOf = contexts.map((context) => Array.from({ length: context.totalSequences }, () => context.getSequence()));
  try {
    const prompt = model.tokenize(COUNTING_PROMPT.text);
    const samples = new Map<string, number[]>();
    for (let round = 0; round < rounds; round++) {
      for (const [index, n] of ns.entries()) {
        const sequences = sequencesOf[index];
        if (sequences === undefined) continue;
        for (const mode of MODES) {
          const key = `${n} ${mode}`;
          samples.set(key, [...(samples.get(key) ?? []), await stepRoundMs(sequences, prompt, mode, steps)]);
        }
      }
    }
    const of = (n: number, mode: StepMode): number => median(samples.get(`${n} ${mode}`) ?? []);
    return ns.map((n) => ({ n, decodeMs: of(n, 'decode'), greedyMs: of(n, 'greedy'), decodeAndSampleMs: of(n, 'sample'), generatorMs: of(n, 'generator') }));
  } finally {
    for (const context of contexts) await context.dispose();
    await model.dispose();
    await llama.dispose();
  }
}
