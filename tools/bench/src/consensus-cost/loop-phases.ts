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
  /** The engine's decode+sample step on the same sequences, timed right after each run (median). */
  readonly floorMs: number;
  /** How far a run's lock step sits above the floor timed right after it (median of the runs' ratios, less one). */
  readonly overFloor: number;
}

/**
 * Where one batched run's time goes: `repetitions` runs of `n` candidates on a swarm whose engine
 * reports into `profile`, each run's phases divided by its steps, medians over the runs. The
 * vote check replays the run's candidates as runConsensus sees them arrive. After each run,
 * `floorStepMs` times the engine's own decode+sample step on the same sequences: loop and floor
 * are compared run by run, so a slow spell of the machine lands on both sides of each ratio.
 */
export async function measureLoopPhases(
  swarm: Swarm,
  profile: LoopProfile,
  run: { readonly n: number; readonly maxTokens: number; readonly repetitions: number; readonly floorStepMs: () => Promise<number> },
): Promise<LoopPhases> {
  const { n, maxTokens, repetitions } = run;
  if (n < 2) throw new RangeError('the lock-step loop runs for 2 candidates or more');
  const runs: { steps: number; loopMs: number; waitMs: number; textMs: number; voteCheckMs: number; floorMs: number }[] = [];
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
      floorMs: await run.floorStepMs(),
    });
  }
  const of = (pick: (measured: (typeof runs)[number]) => number): number => median(runs.map(pick));
  const loopMs = of((measured) => measured.loopMs);
  const waitMs = of((measured) => measured.waitMs);
  const textMs = of((measured) => measured.textMs);
  return {
    n,
    steps: of((measured) => measured.steps),
    loopMs,
    waitMs,
    textMs,
    restMs: Math.max(0, loopMs - waitMs - textMs),
    voteCheckMs: of((measured) => measured.voteCheckMs),
    floorMs: of((measured) => measured.floorMs),
    overFloor: of((measured) => measured.loopMs / measured.floorMs - 1),
  };
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
