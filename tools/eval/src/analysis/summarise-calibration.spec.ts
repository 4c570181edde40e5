import { calibrationGap, summariseCalibration } from './summarise-calibration';
import type { VotePoint } from './vote-at-k';

const point = (agreement: number, right: number, entropy = 0.5): VotePoint => ({ agreement, entropy, right });

describe('calibrationGap', () => {
  it('is accuracy at or above the threshold minus below it, over the groups of every task pooled', () => {
    const perTask = [[point(0.6, 1), point(0.3, 0)], [point(0.9, 1), point(0.4, 1), point(1, 0)]];
    // At or above 0.6: 0.6 right, 0.9 right, 1 wrong -> 2/3; below: 0.3 wrong, 0.4 right -> 1/2.
    expect(calibrationGap(perTask, 0.6)).toBeCloseTo(2 / 3 - 1 / 2, 12);
  });
  it('is NaN when one side has no vote', () => {
    expect(calibrationGap([[point(0.9, 1)]], 0.6)).toBeNaN();
  });
});

describe('summariseCalibration', () => {
  const perTask = Array.from({ length: 20 }, (_, task) => [point(0.86, task % 5 === 0 ? 0 : 1, 0.4), point(0.43, task % 2, 1.2)]);
  const summary = summariseCalibration(perTask, 7, 0.6, { seed: 1, resamples: 300 });

  it('buckets by agreement and by entropy with counts', () => {
    expect(summary?.groups).toBe(40);
    expect(summary?.byAgreement.map((bucket) => bucket.count)).toEqual([0, 20, 0, 0, 20]);
    expect(summary?.byAgreement[1]?.accuracy).toBe(0.5);
    expect(summary?.byEntropy?.map((bucket) => bucket.count)).toEqual([20, 0, 20, 0]);
  });
  it('gives the gap with a bootstrap interval over tasks', () => {
    expect(summary?.atOrAbove).toEqual({ count: 20, accuracy: 0.8 });
    expect(summary?.below).toEqual({ count: 20, accuracy: 0.5 });
    expect(summary?.gap?.estimate).toBeCloseTo(0.3, 12);
    expect(summary?.gap?.lo).toBeLessThan(0.3);
    expect(summary?.gap?.hi).toBeGreaterThan(0.3);
  });
  it("resamples tasks, not groups: a task's groups move together", () => {
    // Task A: sure votes right, unsure wrong; task B the reverse. Pooled the gap is 0, but drawing
    // A twice gives +100 points and B twice −100: only a task-level resample sees that spread.
    const taskA = [...Array(10).fill(point(0.9, 1)), ...Array(10).fill(point(0.3, 0))];
    const taskB = [...Array(10).fill(point(0.9, 0)), ...Array(10).fill(point(0.3, 1))];
    const gap = summariseCalibration([taskA, taskB], 7, 0.6, { seed: 1, resamples: 400 })?.gap;
    expect(gap?.estimate).toBe(0);
    expect(gap?.lo).toBeCloseTo(-1, 12);
    expect(gap?.hi).toBeCloseTo(1, 12);
  });
  it('has no gap with one side empty, and nothing without votes', () => {
    const highOnly = summariseCalibration([[point(0.9, 1)]], 7, 0.6, { seed: 1, resamples: 50 });
    expect(highOnly?.gap).toBeNull();
    expect(summariseCalibration([[], []], 7, 0.6, { seed: 1 })).toBeNull();
  });
});
