import { ReplayCache } from './replay-cache';

describe('ReplayCache', () => {
  it('knows a remembered id, and checking alone remembers nothing', () => {
    const cache = new ReplayCache({ maxSkewMs: 1000 });
    expect(cache.check('a', 0, 0)).toBe('fresh');
    expect(cache.check('a', 0, 0)).toBe('fresh');
    cache.remember('a', 0, 0);
    expect(cache.check('a', 0, 10)).toBe('seen');
    expect(cache.check('b', 0, 10)).toBe('fresh');
  });

  it('keeps an id for twice the skew after it arrived, then forgets it', () => {
    const cache = new ReplayCache({ maxSkewMs: 1000 });
    cache.remember('a', 5000, 5000);
    expect(cache.check('a', 5000, 6999)).toBe('seen');
    expect(cache.check('a', 5000, 7000)).toBe('fresh');
    expect(cache.size).toBe(0);
  });

  it('stays within its size, and then refuses anything stamped no later than what it dropped', () => {
    const cache = new ReplayCache({ maxSkewMs: 1000, maxEntries: 3 });
    for (const [index, id] of ['a', 'b', 'c', 'd'].entries()) cache.remember(id, 100 + index, 100);
    expect(cache.size).toBe(3);
    // `a` (stamped 100) was dropped: a replay of it is still refused.
    expect(cache.check('a', 100, 100)).toBe('evicted');
    expect(cache.check('e', 100, 100)).toBe('evicted');
    expect(cache.check('e', 101, 100)).toBe('fresh');
    expect(cache.check('b', 101, 100)).toBe('seen');
  });

  it('refuses nonsensical settings', () => {
    expect(() => new ReplayCache({ maxSkewMs: 0 })).toThrow(RangeError);
    expect(() => new ReplayCache({ maxEntries: 0 })).toThrow(RangeError);
  });
});
