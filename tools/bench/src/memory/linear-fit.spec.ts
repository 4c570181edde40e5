import { fitLine } from './linear-fit';

describe('fitLine', () => {
  it('recovers an exact line', () => {
    const fit = fitLine([1, 3, 5, 8].map((x) => ({ x, y: 300 + 12 * x })));
    expect(fit.slope).toBeCloseTo(12, 9);
    expect(fit.intercept).toBeCloseTo(300, 9);
  });
  it('takes the least-squares line through noisy points', () => {
    const fit = fitLine([
      { x: 0, y: 1 },
      { x: 1, y: 3 },
      { x: 2, y: 3 },
    ]);
    expect(fit.slope).toBeCloseTo(1, 9);
    expect(fit.intercept).toBeCloseTo(4 / 3, 9);
  });
  it('refuses a single x', () => {
    expect(() => fitLine([{ x: 1, y: 1 }])).toThrow(RangeError);
    expect(() => fitLine([{ x: 2, y: 1 }, { x: 2, y: 5 }])).toThrow(RangeError);
  });
});
