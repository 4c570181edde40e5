import { medoid, memoizedSimilarity, rankByCentrality, tokenSetSimilarity, type CentralityItem } from './medoid';

function items(texts: readonly string[], weights: readonly number[] = []): CentralityItem[] {
  return texts.map((text, id) => ({ id, text, weight: weights[id] ?? 1 }));
}

const byId = (a: CentralityItem, b: CentralityItem): number => a.id - b.id;

describe('tokenSetSimilarity', () => {
  it.each([
    ['Paris is the capital', 'The capital is Paris!', 1],
    ['same', 'same', 1],
    ['', '', 1],
    ['apples and pears', 'quantum chromodynamics', 0.3],
  ])('%j ~ %j', (a, b, atLeast) => {
    const similarity = tokenSetSimilarity(a, b);
    expect(similarity).toBeGreaterThanOrEqual(0);
    expect(similarity).toBeLessThanOrEqual(1);
    if (atLeast === 1) expect(similarity).toBe(1);
    else expect(similarity).toBeLessThan(atLeast);
  });
});

describe('tokenSetSimilarity on long answers', () => {
  it('compares head and tail only, so a long pair stays cheap and the middle does not count', () => {
    const head = 'The capital of France is Paris. '.repeat(40);
    const tail = ' In short: Paris.'.padStart(600, '.');
    const a = `${head}${'alpha '.repeat(2000)}${tail}`;
    const b = `${head}${'omega '.repeat(2000)}${tail}`;
    const started = performance.now();
    expect(tokenSetSimilarity(a, b)).toBe(1);
    expect(performance.now() - started).toBeLessThan(500);
  });
});

describe('medoid', () => {
  it('picks the free-text answer closest to all others', () => {
    const answers = items([
      'The Eiffel Tower is in Paris, France.',
      'Bananas are yellow and grow in bunches.',
      'The Eiffel Tower stands in Paris.',
      'It is in Paris, France: the Eiffel Tower.',
      'I do not know.',
    ]);
    expect(medoid(answers, byId)?.text).toBe('The Eiffel Tower is in Paris, France.');
  });

  it('uses the tie-break when supports are equal (two items are always symmetric)', () => {
    const two = items(['alpha beta', 'gamma delta']);
    expect(medoid(two, byId)?.id).toBe(0);
    expect(medoid(two, (a, b) => b.id - a.id)?.id).toBe(1);
  });

  it('lets a heavier item win a symmetric pair', () => {
    expect(medoid(items(['alpha beta', 'gamma delta'], [1, 2]), byId)?.id).toBe(1);
  });

  it('returns undefined for no items and the item for one', () => {
    expect(medoid([], byId)).toBeUndefined();
    expect(medoid(items(['only']), byId)?.text).toBe('only');
  });

  it('ranks every item, most central first', () => {
    const ranked = rankByCentrality(items(['a b c', 'a b c d', 'x y z']), byId);
    expect(ranked.map((item) => item.text)).toEqual(['a b c', 'a b c d', 'x y z']);
  });
});

describe('memoizedSimilarity', () => {
  it('computes each unordered pair once', () => {
    const calls: string[] = [];
    const similarity = memoizedSimilarity((a, b) => {
      calls.push(`${a}|${b}`);
      return 0.5;
    });
    const [a, b] = items(['x', 'y']);
    if (a === undefined || b === undefined) throw new Error('fixture');
    expect(similarity(a, b)).toBe(0.5);
    expect(similarity(b, a)).toBe(0.5);
    expect(calls).toEqual(['x|y']);
  });
});
