import type { FinishReason } from '@local-swarm/consensus';
import type { StepEnding } from './candidate-progress';
import type { Token } from './llama-types';
import { runLockStep, type LockStepCandidate } from './lock-step-loop';
import { LoopProfile } from './loop-profile';
import type { EvaluationStep } from './sampling-options';

/** Generators whose next() calls are logged; a step resolves only once every live candidate asked. */
function scriptedCandidates(lengths: readonly number[], log: string[], failAt?: { candidate: number; step: number }) {
  const endings: (FinishReason | undefined)[] = lengths.map(() => undefined);
  const candidates = lengths.map((length, index): LockStepCandidate & { returned: boolean } => {
    let step = 0;
    const candidate = {
      returned: false,
      steps: (async function* (): AsyncGenerator<EvaluationStep, void, void> {
        for (;;) {
          log.push(`next ${index}`);
          // Resolves on a later tick: every candidate's next() must have been asked before.
          await new Promise((resolve) => setImmediate(resolve));
          if (failAt?.candidate === index && failAt.step === step) throw new Error('decode failed');
          yield { token: step++ as Token, confidence: 0.5 };
        }
      })(),
      add: (value: EvaluationStep): StepEnding => {
        log.push(`token ${index}`);
        return value.token + 1 >= length ? 'length' : null;
      },
      finish: (reason: FinishReason): void => {
        endings[index] = reason;
      },
    };
    const original = candidate.steps.return.bind(candidate.steps);
    candidate.steps.return = (value) => {
      candidate.returned = true;
      return original(value);
    };
    return candidate;
  });
  return { candidates, endings };
}

describe('runLockStep', () => {
  it('asks every live candidate for its next token before any answers, until each has finished', async () => {
    const log: string[] = [];
    const { candidates, endings } = scriptedCandidates([2, 3], log);
    await runLockStep(candidates, new AbortController().signal);
    expect(log).toEqual(['next 0', 'next 1', 'token 0', 'token 1', 'next 0', 'next 1', 'token 0', 'token 1', 'next 1', 'token 1']);
    expect(endings).toEqual(['length', 'length']);
    expect(candidates.map((candidate) => candidate.returned)).toEqual([true, true]);
  });

  it('ends a candidate whose step fails as error and lets the others go on', async () => {
    const { candidates, endings } = scriptedCandidates([3, 3], [], { candidate: 0, step: 1 });
    await runLockStep(candidates, new AbortController().signal);
    expect(endings).toEqual(['error', 'length']);
  });

  it('cancels every live candidate once the signal aborts', async () => {
    const controller = new AbortController();
    const { candidates, endings } = scriptedCandidates([100, 100], []);
    // Aborted in the middle of the run by the loop's own progress, not by a timer a loaded machine may outrun.
    const [first] = candidates;
    if (first === undefined) throw new Error('no candidate');
    const add = first.add;
    first.add = (value) => {
      if (value.token === 3) controller.abort();
      return add(value);
    };
    await runLockStep(candidates, controller.signal);
    expect(endings).toEqual(['cancelled', 'cancelled']);
    expect(candidates.map((candidate) => candidate.returned)).toEqual([true, true]);
  });

  it('counts steps and tokens into a profile when given one', async () => {
    const profile = new LoopProfile();
    await runLockStep(scriptedCandidates([2, 3], []).candidates, new AbortController().signal, profile);
    expect([profile.steps, profile.tokens]).toEqual([3, 5]);
    expect(profile.loopMs).toBeGreaterThanOrEqual(profile.waitMs + profile.textMs);
  });
});
