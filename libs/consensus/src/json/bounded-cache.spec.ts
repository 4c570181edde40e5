import { BoundedCache } from './bounded-cache';

describe('BoundedCache', () => {
  it('keeps at most its capacity, dropping the least recently used first', () => {
    const cache = new BoundedCache<string, { n: number }>(2);
    cache.set('a', { n: 1 });
    cache.set('b', { n: 2 });
    expect(cache.get('a')).toEqual({ n: 1 }); // a is now the most recently used
    cache.set('c', { n: 3 });
    expect(cache.size).toBe(2);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toEqual({ n: 1 });
    expect(cache.get('c')).toEqual({ n: 3 });
  });

  it('replaces a value set again without growing', () => {
    const cache = new BoundedCache<string, { n: number }>(2);
    cache.set('a', { n: 1 });
    cache.set('a', { n: 2 });
    expect(cache.size).toBe(1);
    expect(cache.get('a')).toEqual({ n: 2 });
  });
});
