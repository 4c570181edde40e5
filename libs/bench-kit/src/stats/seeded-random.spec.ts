import { randomInteger, seededRandom } from './seeded-random';

const draw = (seed: number, count: number): number[] => {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => random());
};

describe('seededRandom', () => {
  it('replays the same stream for the same seed', () => {
    expect(draw(42, 20)).toEqual(draw(42, 20));
  });
  it('gives another stream for another seed', () => {
    expect(draw(42, 20)).not.toEqual(draw(43, 20));
  });
  it('matches the reference mulberry32 output for seed 1', () => {
    // First value of the reference implementation (bryc/code, PRNGs.md) for seed 1.
    expect(draw(1, 1)[0]).toBeCloseTo(0.6270739405881613, 12);
  });
  it('stays in [0, 1) and is roughly uniform', () => {
    const values = draw(7, 10_000);
    expect(values.every((value) => value >= 0 && value < 1)).toBe(true);
    const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
    expect(mean).toBeGreaterThan(0.48);
    expect(mean).toBeLessThan(0.52);
  });
});

describe('randomInteger', () => {
  it('covers both ends of the range and nothing outside', () => {
    const random = seededRandom(3);
    const seen = new Set(Array.from({ length: 500 }, () => randomInteger(random, 2, 5)));
    expect([...seen].sort()).toEqual([2, 3, 4, 5]);
  });
  it('refuses an empty or fractional range', () => {
    expect(() => randomInteger(seededRandom(1), 5, 4)).toThrow(RangeError);
    expect(() => randomInteger(seededRandom(1), 0.5, 4)).toThrow(RangeError);
  });
});
