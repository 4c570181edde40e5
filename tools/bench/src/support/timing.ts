import { median } from '@local-swarm/bench-kit';
import { performance } from 'node:perf_hooks';

/** Wall milliseconds of one run of `task`, with what it returned. */
export async function timeOnce<T>(task: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const startedAt = performance.now();
  const value = await task();
  return { ms: performance.now() - startedAt, value };
}

/** Wall milliseconds of `repetitions` runs of `task`, one after another, and their median. */
export async function timeRuns(repetitions: number, task: () => Promise<unknown>): Promise<{ medianMs: number; runsMs: number[] }> {
  if (repetitions < 1) throw new RangeError('timeRuns needs at least one repetition');
  const runsMs: number[] = [];
  for (let run = 0; run < repetitions; run++) runsMs.push((await timeOnce(task)).ms);
  return { medianMs: median(runsMs), runsMs };
}
