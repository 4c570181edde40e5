import type { FinishReason } from '@local-swarm/consensus';
import type { StepEnding } from './candidate-progress';
import type { LoopProfile } from './loop-profile';
import type { EvaluationStep } from './sampling-options';

/** One candidate of a lock-step batch, as the loop drives it. */
export interface LockStepCandidate {
  /** The candidate's generator: one sampler for its whole answer. */
  readonly steps: AsyncGenerator<EvaluationStep, void, void>;
  /** Takes the token a step produced; says whether the answer ends with it. */
  add(step: EvaluationStep): StepEnding;
  /** Ends the candidate (its generator is closed by the loop first). */
  finish(finishReason: FinishReason, error?: unknown): void;
}

/**
 * Runs candidates in lock step until each has finished: every step asks each live candidate's
 * generator for its next token in the same tick, so node-llama-cpp decodes those tokens in ONE
 * batch. The arrays of live candidates and of their pending steps are reused from step to step:
 * per token and candidate the loop itself allocates nothing beyond the generator's own promise.
 */
export async function runLockStep(candidates: readonly LockStepCandidate[], signal: AbortSignal, profile?: LoopProfile): Promise<void> {
  const live = [...candidates];
  const nextSteps: Promise<IteratorResult<EvaluationStep, void>>[] = [];
  const end = (candidate: LockStepCandidate, finishReason: FinishReason, error?: unknown): void => {
    // Ends the generator: releases its sequence and its sampler.
    void candidate.steps.return(undefined).catch(() => undefined);
    candidate.finish(finishReason, error);
  };
  const loopStartedAt = profile?.now() ?? 0;
  while (live.length > 0) {
    if (signal.aborted) break;
    const stepStartedAt = profile?.now() ?? 0;
    nextSteps.length = live.length;
    for (let index = 0; index < live.length; index++) {
      const candidate = live[index];
      nextSteps[index] = candidate !== undefined ? candidate.steps.next() : Promise.reject(new Error('no candidate'));
    }
    const results = await Promise.allSettled(nextSteps);
    const textStartedAt = profile?.now() ?? 0;
    let kept = 0;
    for (let index = 0; index < live.length; index++) {
      const candidate = live[index];
      if (candidate === undefined) continue;
      const ending = endingOf(results[index], candidate, signal);
      if (ending === null) live[kept++] = candidate;
      else end(candidate, ending.finishReason, ending.error);
    }
    if (profile !== undefined) {
      const doneAt = profile.now();
      profile.steps += 1;
      profile.tokens += live.length;
      profile.waitMs += textStartedAt - stepStartedAt;
      profile.textMs += doneAt - textStartedAt;
    }
    live.length = kept;
  }
  for (const candidate of live) end(candidate, 'cancelled');
  if (profile !== undefined) profile.loopMs += profile.now() - loopStartedAt;
}

/** How one step's result ends its candidate; null: it goes on. */
function endingOf(
  result: PromiseSettledResult<IteratorResult<EvaluationStep, void>> | undefined,
  candidate: LockStepCandidate,
  signal: AbortSignal,
): { finishReason: FinishReason; error?: unknown } | null {
  if (result === undefined) return { finishReason: 'error', error: new Error('no step result') };
  if (result.status === 'rejected') return { finishReason: 'error', error: result.reason };
  if (signal.aborted) return { finishReason: 'cancelled' };
  // The generator ends by itself only on an end-of-generation token.
  if (result.value.done === true) return { finishReason: 'stop' };
  return toEnding(candidate.add(result.value.value));
}

function toEnding(ending: StepEnding): { finishReason: FinishReason } | null {
  return ending === null ? null : { finishReason: ending };
}
