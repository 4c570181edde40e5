import { percent, percentWithInterval, pointsWithInterval, verdictOf } from './format-figures';

describe('format-figures', () => {
  it('formats shares and intervals', () => {
    expect(percent(0.41234)).toBe('41.2%');
    expect(percentWithInterval({ estimate: 0.5, lo: 0.35, hi: 0.651 })).toBe('50.0% [35.0, 65.1]');
    expect(pointsWithInterval({ estimate: 0.05, lo: -0.012, hi: 0.11 })).toBe('+5.0 pp [−1.2, +11.0]');
  });
  it('reads a difference as helping only when its whole interval is above zero', () => {
    expect(verdictOf({ estimate: 0.1, lo: 0.01, hi: 0.2 })).toBe('helps');
    expect(verdictOf({ estimate: -0.1, lo: -0.2, hi: -0.01 })).toBe('hurts');
    expect(verdictOf({ estimate: 0.1, lo: 0, hi: 0.2 })).toBe('no clear difference');
  });
});
