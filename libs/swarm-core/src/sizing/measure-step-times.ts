import type { StepCost } from './choose-size-by-cost';

/**
 * Rounds of the probe: every round times each count in turn, so a burst of noise from another
 * program lands on all counts alike instead of on whichever was measured during it.
 */
export const PROBE_ROUNDS = 3;
/** Timed lock-step steps per count and round: 3 rounds x 3 steps = 9 samples per count. */
export const PROBE_STEPS_PER_ROUND = 3;
/**
 * Once this much time has passed, no further count is measured: a slow machine must not stall
 * start-up. Counts already measured are kept (all of them from round one on), and the choice is
 * made among them.
 */
export const PROBE_TIME_LIMIT_MS = 3000;
/** More counts than any swarm would try: a bigger list is a caller's mistake, not a plan. */
export const PROBE_MAX_COUNTS = 16;

export interface StepTimingPlan {
  /** Candidate counts to time: 1 first, then increasing (e.g. 1, 3, 5, 7). */
  readonly counts: readonly number[];
  readonly rounds?: number;
  readonly stepsPerRound?: number;
  readonly timeLimitMs?: number;
  /** Milliseconds from any fixed origin. */
  readonly now: () => number;
  /** Runs one lock-step decode+sample step with `candidates` sequences. */
  readonly step: (candidates: number) => Promise<void>;
}

export interface StepTimes {
  /** Step time of each count measured at least once (its least-disturbed round's median), smallest first. */
  readonly costs: readonly StepCost[];
  /** Timed steps run; never more than rounds x stepsPerRound x counts. */
  readonly steps: number;
  /** Whether the time limit ended the probe early. */
  readonly timedOut: boolean;
}

/**
 * Times lock-step steps at each count, interleaved over rounds. A count's cost is the median of
 * its steps within a round, and the lowest of those over the rounds: another program's work only
 * ever adds time, so the least-disturbed round is the best estimate of this machine's own cost
 * (one median over every step let a busy spell move a count's figure and flip the choice).
 */
export async function measureStepTimes(plan: StepTimingPlan): Promise<StepTimes> {
  checkCounts(plan.counts);
  const rounds = plan.rounds ?? PROBE_ROUNDS;
  const stepsPerRound = plan.stepsPerRound ?? PROBE_STEPS_PER_ROUND;
  const deadline = plan.now() + (plan.timeLimitMs ?? PROBE_TIME_LIMIT_MS);
  const roundMedians = new Map<number, number[]>(plan.counts.map((count) => [count, []]));
  let steps = 0;
  let timedOut = false;
  measuring: for (let round = 0; round < rounds; round++) {
    for (const count of plan.counts) {
      if (plan.now() >= deadline) {
        timedOut = true;
        break measuring;
      }
      const times: number[] = [];
      for (let index = 0; index < stepsPerRound; index++) {
        const startedAt = plan.now();
        await plan.step(count);
        times.push(plan.now() - startedAt);
        steps++;
      }
      roundMedians.get(count)?.push(median(times));
    }
  }
  const costs = plan.counts.flatMap((count) => {
    const medians = roundMedians.get(count) ?? [];
    return medians.length > 0 ? [{ candidates: count, stepMs: Math.min(...medians) }] : [];
  });
  return { costs, steps, timedOut };
}

function checkCounts(counts: readonly number[]): void {
  if (counts[0] !== 1) throw new RangeError('step timing: the first count must be 1 (every ratio is relative to it)');
  if (counts.length > PROBE_MAX_COUNTS) throw new RangeError(`step timing: at most ${PROBE_MAX_COUNTS} counts, got ${counts.length}`);
  counts.forEach((count, index) => {
    const previous = counts[index - 1] ?? 0;
    if (!Number.isInteger(count) || count <= previous) throw new RangeError(`step timing: counts must be increasing integers, got ${counts.join(', ')}`);
  });
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? upper) + upper) / 2;
}
