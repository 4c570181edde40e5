import { bootstrapInterval } from './bootstrap-interval';

describe('bootstrapInterval', () => {
  const coinFlips = Array.from({ length: 200 }, (_, index) => (index % 2 === 0 ? 1 : 0));

  it('estimates the mean and brackets it', () => {
    const interval = bootstrapInterval(coinFlips, { seed: 5 });
    expect(interval.estimate).toBe(0.5);
    expect(interval.lo).toBeLessThan(0.5);
    expect(interval.hi).toBeGreaterThan(0.5);
  });
  it('is about as wide as the normal approximation (±1.96·√(p(1−p)/n) ≈ ±0.069)', () => {
    const interval = bootstrapInterval(coinFlips, { seed: 5 });
    expect(interval.hi - interval.lo).toBeGreaterThan(0.11);
    expect(interval.hi - interval.lo).toBeLessThan(0.16);
  });
  it('is reproducible for a seed', () => {
    expect(bootstrapInterval(coinFlips, { seed: 9 })).toEqual(bootstrapInterval(coinFlips, { seed: 9 }));
  });
  it('collapses to the value when every unit is the same', () => {
    expect(bootstrapInterval([0.25, 0.25, 0.25])).toEqual({ estimate: 0.25, lo: 0.25, hi: 0.25 });
  });
  it('narrows with lower confidence', () => {
    const wide = bootstrapInterval(coinFlips, { seed: 2, confidence: 0.99 });
    const narrow = bootstrapInterval(coinFlips, { seed: 2, confidence: 0.8 });
    expect(narrow.hi - narrow.lo).toBeLessThan(wide.hi - wide.lo);
  });
  it('refuses an empty list and bad options', () => {
    expect(() => bootstrapInterval([])).toThrow(RangeError);
    expect(() => bootstrapInterval([1], { resamples: 0 })).toThrow(RangeError);
    expect(() => bootstrapInterval([1], { confidence: 1 })).toThrow(RangeError);
  });
});
