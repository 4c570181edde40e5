import { candidate, shuffled } from '../testing/candidate-fixture';
import { compareStable } from './compare-stable';

describe('compareStable', () => {
  it('orders by source, then sequence, whatever the input order', () => {
    const list = [
      candidate({ text: 'x', source: 'b', sequence: 0 }),
      candidate({ text: 'x', source: 'a', sequence: 10 }),
      candidate({ text: 'x', source: 'a', sequence: 2 }),
      candidate({ text: 'x', source: 'B', sequence: 0 }),
    ];
    for (const seed of [1, 2, 3]) {
      const sorted = shuffled(list, seed).sort(compareStable);
      expect(sorted.map((c) => `${c.source}#${c.sequence}`)).toEqual(['B#0', 'a#2', 'a#10', 'b#0']);
    }
  });

  it('breaks (source, sequence) duplicates by content', () => {
    const a = candidate({ text: 'alpha' });
    const b = candidate({ text: 'beta' });
    expect(compareStable(a, b)).toBeLessThan(0);
    expect(compareStable(b, a)).toBeGreaterThan(0);
    expect(compareStable(a, { ...a })).toBe(0);
    expect(compareStable(candidate({ text: 'x', score: null }), candidate({ text: 'x', score: null }))).toBe(0);
  });
});
