import { candidate } from '../testing/candidate-fixture';
import { decide } from '../decide';
import { LearnedWeights } from './learned-weights';

const options = { window: 4, floor: 0.2, minObservations: 2, maxSources: 3 };

describe('LearnedWeights', () => {
  it('records 1 for sources in the winner group, 0 for the others, skipping dropped candidates', () => {
    const learned = new LearnedWeights({ ...options, minObservations: 1 });
    const verdict = decide(
      [candidate({ text: '5', source: 'a' }), candidate({ text: '5', source: 'b' }), candidate({ text: '6', source: 'c' }), candidate({ text: '7', source: 'd', finishReason: 'length' })],
      { strategy: 'weighted_vote' },
    );
    learned.record(verdict);
    expect(learned.entries().map(({ source, observations }) => [source, observations])).toEqual([
      ['a', [1]],
      ['b', [1]],
      ['c', [0]],
    ]);
  });

  it('is neutral (1) until a source has minObservations, then floor + (1 - floor) × rate', () => {
    const learned = new LearnedWeights(options);
    learned.observe('a', 0);
    expect(learned.weightOf('a')).toBe(1);
    learned.observe('a', 1);
    expect(learned.weightOf('a')).toBeCloseTo(0.2 + 0.8 * 0.5, 12);
    learned.observe('b', 0);
    learned.observe('b', 0);
    expect(learned.weightOf('b')).toBeCloseTo(0.2, 12);
    expect(learned.weightsFor(['a', 'unknown'])).toEqual({ a: expect.closeTo(0.6, 12), unknown: 1 });
  });

  it('keeps only the last `window` votes of a source', () => {
    const learned = new LearnedWeights(options);
    for (const agreed of [0, 0, 0, 0, 1, 1, 1, 1] as const) learned.observe('a', agreed);
    expect(learned.entries()[0]?.observations).toEqual([1, 1, 1, 1]);
    expect(learned.weightOf('a')).toBe(1);
  });

  it('tracks at most maxSources, forgetting the least recently seen', () => {
    const learned = new LearnedWeights(options);
    for (const source of ['a', 'b', 'c']) learned.observe(source, 1);
    learned.observe('a', 1);
    learned.observe('d', 1);
    expect(learned.entries().map((entry) => entry.source)).toEqual(['c', 'a', 'd']);
  });

  it('falls back to the configured weight (else 1) for a source without enough observations', () => {
    const learned = new LearnedWeights(options);
    learned.observe('a', 0);
    learned.observe('a', 0);
    learned.observe('b', 0);
    expect(learned.hasLearned('a')).toBe(true);
    expect(learned.hasLearned('b')).toBe(false);
    expect(learned.weightsFor(['a', 'b', 'c', 'toString'], { a: 3, b: 2 })).toEqual({ a: expect.closeTo(0.2, 12), b: 2, c: 1, toString: 1 });
  });
});
