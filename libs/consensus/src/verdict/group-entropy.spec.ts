import { groupEntropy } from './group-entropy';

describe('groupEntropy', () => {
  it('is 0 when every candidate gave the same answer', () => {
    expect(groupEntropy([5], 0)).toBe(0);
  });

  it('is ln 2 for two equal groups', () => {
    expect(groupEntropy([2, 2], 0)).toBeCloseTo(Math.LN2, 12);
  });

  it('counts the no-answer weight as one more bucket', () => {
    expect(groupEntropy([1, 1], 2)).toBeCloseTo(-(0.25 * Math.log(0.25) * 2 + 0.5 * Math.log(0.5)), 12);
    expect(groupEntropy([3], 3)).toBeCloseTo(Math.LN2, 12);
  });

  it('is at most ln(groups + 1) and never negative', () => {
    expect(groupEntropy([1, 1, 1], 1)).toBeCloseTo(Math.log(4), 12);
    expect(groupEntropy([], 0)).toBe(0);
    expect(groupEntropy([0, 0], 0)).toBe(0);
  });
});
