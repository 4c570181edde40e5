import { bootstrapStatistic } from './cluster-bootstrap';

/** Share of right answers among every answer of the units drawn (a pooled ratio, not a mean of units). */
const pooled = (units: readonly (readonly number[])[]): number => {
  const answers = units.flat();
  return answers.length === 0 ? Number.NaN : answers.reduce((sum, value) => sum + value, 0) / answers.length;
};

describe('bootstrapStatistic', () => {
  const units = [[1, 1, 1, 1], [0], [1, 0], [0, 0, 1], [1], [0, 1, 1]];

  it('estimates the statistic on every unit and brackets it', () => {
    const interval = bootstrapStatistic(units, pooled, { seed: 3, resamples: 500 });
    expect(interval?.estimate).toBeCloseTo(9 / 14, 12);
    expect(interval?.lo).toBeLessThan(9 / 14);
    expect(interval?.hi).toBeGreaterThan(9 / 14);
  });
  it('resamples whole units: a unit whose answers agree keeps them together', () => {
    // Each unit is all right or all wrong, so a unit-level resample can reach 0 and 1; drawing answers
    // one by one from 40 answers would almost never.
    const interval = bootstrapStatistic([Array(20).fill(1), Array(20).fill(0)], pooled, { seed: 1, resamples: 400 });
    expect(interval?.lo).toBe(0);
    expect(interval?.hi).toBe(1);
  });
  it('is reproducible for a seed', () => {
    expect(bootstrapStatistic(units, pooled, { seed: 9, resamples: 200 })).toEqual(bootstrapStatistic(units, pooled, { seed: 9, resamples: 200 }));
  });
  it('leaves out resamples where the statistic is undefined, and is null when it is undefined on the units', () => {
    const interval = bootstrapStatistic([[1], []], pooled, { seed: 2, resamples: 200 });
    expect(interval?.usedResamples).toBeLessThan(200);
    expect(interval?.usedResamples).toBeGreaterThan(100);
    expect(interval).toMatchObject({ estimate: 1, lo: 1, hi: 1 });
    expect(bootstrapStatistic([[], []], pooled)).toBeNull();
    expect(bootstrapStatistic([], pooled)).toBeNull();
  });
});
