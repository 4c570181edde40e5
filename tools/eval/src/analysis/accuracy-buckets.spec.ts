import { accuracyBuckets, AGREEMENT_EDGES, ENTROPY_EDGES } from './accuracy-buckets';

describe('accuracyBuckets', () => {
  it('puts a value on an edge in the bucket that starts there, and 1 in the last bucket', () => {
    const votes = [0, 0.29, 0.3, 0.45, 0.6, 0.79, 0.8, 1].map((value, index) => ({ value, right: index % 2 }));
    const buckets = accuracyBuckets(votes, AGREEMENT_EDGES);
    expect(buckets.map((bucket) => [bucket.lo, bucket.hi, bucket.count])).toEqual([
      [0, 0.3, 2],
      [0.3, 0.45, 1],
      [0.45, 0.6, 1],
      [0.6, 0.8, 2],
      [0.8, 1, 2],
    ]);
  });
  it('gives each bucket its accuracy, NaN when empty', () => {
    const buckets = accuracyBuckets([{ value: 0.9, right: 1 }, { value: 0.85, right: 0 }, { value: 0.95, right: 1 }], AGREEMENT_EDGES);
    expect(buckets.at(-1)).toMatchObject({ count: 3, right: 2 });
    expect(buckets.at(-1)?.accuracy).toBeCloseTo(2 / 3, 12);
    expect(buckets[0]?.accuracy).toBeNaN();
  });
  it('takes any entropy in its open last bucket', () => {
    expect(accuracyBuckets([{ value: 2.08, right: 0 }], ENTROPY_EDGES).at(-1)?.count).toBe(1);
  });
  it('refuses a value outside the edges and edges that do not rise', () => {
    expect(() => accuracyBuckets([{ value: 1.2, right: 1 }], AGREEMENT_EDGES)).toThrow(RangeError);
    expect(() => accuracyBuckets([{ value: -0.1, right: 1 }], AGREEMENT_EDGES)).toThrow(RangeError);
    expect(() => accuracyBuckets([], [0, 0.5, 0.5, 1])).toThrow(RangeError);
  });
});
