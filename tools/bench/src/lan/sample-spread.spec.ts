import { formatSpread, sampleSpread } from './sample-spread';

describe('sampleSpread', () => {
  it('gives the median and range of the finite values', () => {
    expect(sampleSpread([300, Number.NaN, 100, 200, 400])).toEqual({ n: 4, median: 250, min: 100, max: 400 });
  });
  it('is NaN with n 0 when nothing was measured', () => {
    expect(sampleSpread([Number.NaN])).toEqual({ n: 0, median: Number.NaN, min: Number.NaN, max: Number.NaN });
  });
});

describe('formatSpread', () => {
  it('rounds to whole units', () => {
    expect(formatSpread({ n: 3, median: 812.4, min: 790.2, max: 840.6 })).toBe('812 ms (median of 3, range 790–841)');
  });
  it('says when nothing was measured', () => {
    expect(formatSpread(sampleSpread([]))).toBe('not measured');
  });
});
