import { median } from '@local-swarm/bench-kit';
import { isVoteDecided, type LoopProfile, type Swarm } from '@local-swarm/swarm-core';
import type { Candidate } from '@local-swarm/consensus';
import { performance } from 'node:perf_hooks';
import { COUNTING_PROMPT } from './swarm-cost';

/** Median ms per lock step of one batched run of N candidates, phase by phase. */
export interface LoopPhases {
  readonly n: number;
  /** Lock steps per run (median). */
  readonly steps: number;
  /** The whole loop, per step. */
  readonly loopMs: number;
  /** Awaiting every candidate's next token: node-llama-cpp's decode and sampling. */
  readonly waitMs: number;
  /** Detokenizing, stop strings, logprobs and settling finished candidates. */
  readonly textMs: number;
  /** The rest of the loop: its own bookkeeping. */
  readonly restMs: number;
  /** isVoteDecided over the run's candidates arriving one by one (majority), per run, not per step. */
  readonly voteCheckMs: number;
}

/**
 * Where one batched run's time goes: `repetitions` runs of `n` candidates on a swarm whose engine
 * reports into `profile`, each run's phases divided by its steps, medians over the runs. The
 * vote check replays the run's candidates as runConsensus sees them arrive.
 */
export async function measureLoopPhases(swarm: Swarm, profile: LoopProfile, n: number, maxTokens: number, repetitions: number): Promise<LoopPhases> {
  if (n < 2) throw new RangeError('the lock-step loop runs for 2 candidates or more');
  const runs: { steps: number; loopMs: number; waitMs: number; textMs: number; voteCheckMs: number }[] = [];
  for (let repetition = 0; repetition < repetitions; repetition++) {
    profile.reset();
    const startedAt = performance.now();
    const outcome = await swarm.generate(
      { prompt: COUNTING_PROMPT, maxTokens, candidates: n, seed: 1000, temperature: 0.7, topP: 0.95 },
      { signal: new AbortController().signal, elapsedMs: () => performance.now() - startedAt },
    );
    if (!outcome.ok) throw new Error(`${outcome.failure.code}: ${outcome.failure.message}`);
    const steps = Math.max(1, profile.steps);
    runs.push({
      steps: profile.steps,
      loopMs: profile.loopMs / steps,
      waitMs: profile.waitMs / steps,
      textMs: profile.textMs / steps,
      voteCheckMs: voteCheckMs(outcome.candidates),
    });
  }
  const of = (pick: (run: (typeof runs)[number]) => number): number => median(runs.map(pick));
  const loopMs = of((run) => run.loopMs);
  const waitMs = of((run) => run.waitMs);
  const textMs = of((run) => run.textMs);
  return { n, steps: of((run) => run.steps), loopMs, waitMs, textMs, restMs: Math.max(0, loopMs - waitMs - textMs), voteCheckMs: of((run) => run.voteCheckMs) };
}

/** Time of every early-exit check runConsensus makes as these candidates arrive one by one. */
function voteCheckMs(candidates: readonly Candidate[]): number {
  const startedAt = performance.now();
  for (let arrived = 1; arrived < candidates.length; arrived++) {
    const received = candidates.slice(0, arrived);
    const source = received[0]?.source ?? 'local';
    isVoteDecided(received, [{ source, model: received[0]?.model, count: candidates.length - arrived }], { strategy: 'majority' });
  }
  return performance.now() - startedAt;
}
