import { median } from '@local-swarm/bench-kit';
import { performance } from 'node:perf_hooks';
import { loadNodeLlamaCpp } from '../support/node-llama-cpp';

export interface EngineStepCost {
  readonly n: number;
  /** Median ms of one decode holding n tokens (one per sequence), logits not computed (median over rounds of each round's median step). */
  readonly decodeMs: number;
  /** The same step with each sequence's next token sampled (what a lock-step generation loop pays). */
  readonly decodeAndSampleMs: number;
}

/**
 * What node-llama-cpp itself charges for one generation step of n sequences, with nothing of
 * ours in the way: the lower bound for "n candidates vs one" of any lock-step loop. n sequences
 * share one context; every step queues each sequence's token in the same tick, so they land in
 * one llama_decode batch.
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
  const maxN = Math.max(...ns);
  const context = await model.createContext({ sequences: maxN, contextSize: 256, threads, batchSize: 256 });
  try {
    const sequences = Array.from({ length: maxN }, () => context.getSequence());
    const prompt = model.tokenize('Counting from one to one thousand: 1, 2, 3, 4, 5, 6, 7,');
    const head = prompt.slice(0, -1);
    const lastPromptToken = prompt[prompt.length - 1];
    if (lastPromptToken === undefined) throw new RangeError('empty prompt');

    const stepMs = async (n: number, sample: boolean): Promise<number> => {
      const active = sequences.slice(0, n);
      await Promise.all(active.map((sequence) => sequence.clearHistory()));
      await Promise.all(active.map((sequence) => sequence.evaluateWithoutGeneratingNewTokens(head)));
      let next = active.map(() => lastPromptToken);
      const times: number[] = [];
      for (let step = 0; step < steps; step++) {
        const startedAt = performance.now();
        const results = await Promise.all(
          active.map((sequence, index) =>
            sample
              ? sequence.controlledEvaluate([
                  [next[index] ?? lastPromptToken, { generateNext: { token: true, options: { temperature: 0.7, topP: 0.95, seed: 1000 + index * 31 + step } } }],
                ])
              : sequence.controlledEvaluate([next[index] ?? lastPromptToken]),
          ),
        );
        times.push(performance.now() - startedAt);
        // Without sampling, feed the prompt's last token again: what is decoded doesn't change the cost.
        next = results.map((result, index) => result[0]?.next?.token ?? next[index] ?? lastPromptToken);
      }
      return median(times);
    };

    await stepMs(1, true); // warm-up: first decodes allocate compute buffers
    // Rounds interleave every N and both modes so a slow spell lands on all of them alike.
    const samples = new Map<string, number[]>();
    for (let round = 0; round < rounds; round++) {
      for (const n of ns) {
        for (const sample of [false, true]) {
          const key = `${n} ${String(sample)}`;
          samples.set(key, [...(samples.get(key) ?? []), await stepMs(n, sample)]);
        }
      }
    }
    return ns.map((n) => ({
      n,
      decodeMs: median(samples.get(`${n} false`) ?? []),
      decodeAndSampleMs: median(samples.get(`${n} true`) ?? []),
    }));
  } finally {
    await context.dispose();
    await model.dispose();
    await llama.dispose();
  }
}
