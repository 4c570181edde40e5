import { median } from '@local-swarm/bench-kit';
import { Swarm, type GenerationRequest } from '@local-swarm/swarm-core';
import { performance } from 'node:perf_hooks';
import { timeOnce } from '../support/timing';

/** A text prompt that never ends by itself, so every candidate runs to max_tokens. */
export const COUNTING_PROMPT = { kind: 'text', text: 'Counting from one to one thousand: 1, 2, 3, 4, 5, 6, 7,' } as const;

export interface SwarmCost {
  readonly n: number;
  /** N candidates in one request: the lock-step batched loop. */
  readonly batchedMs: number;
  /** N requests of one candidate each, one after another. */
  readonly sequentialMs: number;
  /** Completion tokens of each candidate of the last batched run (all should equal max_tokens). */
  readonly tokens: readonly number[];
}

/**
 * In-process through the public Swarm API: N candidates batched vs the same N candidates (same
 * seeds) generated one after another, both on `swarmFor(n)`: a swarm of exactly N instances, the
 * shape of a node started with --instances N, so the node's figures minus these are what HTTP and
 * the node add.
 */
export async function measureSwarmCost(swarmFor: (n: number) => Swarm, ns: readonly number[], maxTokens: number, repetitions: number): Promise<SwarmCost[]> {
  const request = (candidates: number, seed: number): GenerationRequest => ({ prompt: COUNTING_PROMPT, maxTokens, candidates, seed, temperature: 0.7, topP: 0.95 });
  const generate = async (swarm: Swarm, candidates: number, seed: number): Promise<number[]> => {
    const startedAt = performance.now();
    const outcome = await swarm.generate(request(candidates, seed), { signal: new AbortController().signal, elapsedMs: () => performance.now() - startedAt });
    if (!outcome.ok) throw new Error(`${outcome.failure.code}: ${outcome.failure.message}`);
    return outcome.candidates.map((candidate) => candidate.completionTokens ?? 0);
  };
  for (const n of ns) await generate(swarmFor(n), 1, 1); // warm-up: first decodes allocate compute buffers
  // Repetitions interleave every N and both ways, so a slow spell of the machine (another
  // process, thermal) lands on all figures alike instead of on one of them.
  const runs = new Map<string, number[]>();
  const lastTokens = new Map<number, number[]>();
  const record = (key: string, ms: number): void => {
    runs.set(key, [...(runs.get(key) ?? []), ms]);
  };
  for (let repetition = 0; repetition < repetitions; repetition++) {
    for (const n of ns) {
      const swarm = swarmFor(n);
      const batched = await timeOnce(() => generate(swarm, n, 1000));
      record(`batched ${n}`, batched.ms);
      lastTokens.set(n, batched.value);
      const sequential = await timeOnce(async () => {
        // candidateSeed(base, i) = base + i: the same seeds as the batched run's candidates.
        for (let index = 0; index < n; index++) await generate(swarm, 1, 1000 + index);
      });
      record(`sequential ${n}`, sequential.ms);
    }
  }
  // N=1 is the same call both ways: one reference from all of its runs.
  const single = median([...(runs.get('batched 1') ?? []), ...(runs.get('sequential 1') ?? [])]);
  return ns.map((n) => ({
    n,
    batchedMs: n === 1 ? single : median(runs.get(`batched ${n}`) ?? []),
    sequentialMs: n === 1 ? single : median(runs.get(`sequential ${n}`) ?? []),
    tokens: lastTokens.get(n) ?? [],
  }));
}
