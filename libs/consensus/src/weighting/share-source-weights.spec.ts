import { DOMINANT_SOURCE_MARGIN } from './cap-dominant-source';
import { shareSourceWeights, type WeightSubject } from './share-source-weights';

function subjects(...pairs: readonly (readonly [string, string?])[]): WeightSubject[] {
  return pairs.map(([source, model]) => ({ source, model: model ?? 'm' }));
}

function sumBySource(list: readonly WeightSubject[], weights: readonly number[]): Record<string, number> {
  const sums: Record<string, number> = {};
  list.forEach(({ source }, i) => {
    sums[source] = (sums[source] ?? 0) + (weights[i] ?? 0);
  });
  return sums;
}

describe('shareSourceWeights', () => {
  it('splits a source weight among its samples', () => {
    const list = subjects(['a'], ['a'], ['a'], ['a'], ['b']);
    const { weights, notes } = shareSourceWeights(list);
    expect(weights).toEqual([0.25, 0.25, 0.25, 0.25, 1]);
    expect(notes).toEqual([]);
  });

  it('uses configured source weights, default 1', () => {
    const list = subjects(['a'], ['b'], ['c']);
    expect(shareSourceWeights(list, { a: 0.5, c: 0.75 }).weights).toEqual([0.5, 1, 0.75]);
  });

  it('multiplies in model weights, default 1', () => {
    const list = subjects(['a', 'big'], ['a', 'small'], ['b', 'small'], ['c', 'other']);
    expect(shareSourceWeights(list, {}, { big: 2, small: 0.5 }).weights).toEqual([1, 0.25, 0.5, 1]);
  });

  it('with 3+ sources, clamps a source above half the total to just under the sum of the others', () => {
    const list = subjects(['a'], ['a'], ['b'], ['c']);
    const { weights, notes } = shareSourceWeights(list, { a: 6 });
    const sums = sumBySource(list, weights);
    expect(sums['a']).toBeCloseTo(2 * (1 - DOMINANT_SOURCE_MARGIN), 12);
    expect(sums['a']).toBeLessThan(2);
    expect(sums['b']).toBe(1);
    expect(sums['c']).toBe(1);
    expect(notes).toEqual(['source "a" held 75% of the weight: clamped to just under 50% (below the sum of the other sources)']);
  });

  it('with 3+ sources, clamps a source at exactly half too (a tie with everyone else would go to the tie-breaks)', () => {
    const { weights } = shareSourceWeights(subjects(['a'], ['b'], ['c']), { a: 2 });
    expect(weights).toEqual([2 * (1 - DOMINANT_SOURCE_MARGIN), 1, 1]);
  });

  it('does not clamp sources under half', () => {
    const { weights, notes } = shareSourceWeights(subjects(['a'], ['b'], ['c']), { a: 1.9 });
    expect(weights).toEqual([1.9, 1, 1]);
    expect(notes).toEqual([]);
  });

  it('does not clamp a lone source, nor count zero-weight sources as others', () => {
    expect(shareSourceWeights(subjects(['a'], ['a']), { a: 5 }).weights).toEqual([2.5, 2.5]);
    const { weights, notes } = shareSourceWeights(subjects(['a'], ['b']), { a: 3, b: 0 });
    expect(weights).toEqual([3, 0]);
    expect(notes).toEqual([]);
  });

  it('clamps with 2 sources to a tie', () => {
    const { weights } = shareSourceWeights(subjects(['a'], ['b']), { a: 3 });
    expect(weights).toEqual([1, 1]);
  });

  it('ignores inherited keys: a source named "constructor" gets the default', () => {
    expect(shareSourceWeights(subjects(['constructor'], ['toString'])).weights).toEqual([1, 1]);
  });
});
