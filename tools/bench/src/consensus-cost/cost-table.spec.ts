import { formatRatio, ratiosToSingle } from './cost-table';

describe('ratiosToSingle', () => {
  it('divides each time by the N=1 time', () => {
    expect(ratiosToSingle([{ n: 1, ms: 100 }, { n: 4, ms: 180 }]).map((point) => point.ratio)).toEqual([1, 1.8]);
  });
  it('needs an N=1 point with a positive time', () => {
    expect(() => ratiosToSingle([{ n: 4, ms: 180 }])).toThrow(RangeError);
    expect(() => ratiosToSingle([{ n: 1, ms: 0 }])).toThrow(RangeError);
  });
  it('quotes ratios with two decimals', () => {
    expect(formatRatio(1.8234)).toBe('1.82x');
  });
});
