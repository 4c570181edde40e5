import { accuracyOf, pairedDifference } from './paired-accuracy';

describe('accuracyOf', () => {
  it('counts right answers and brackets the mean', () => {
    const figure = accuracyOf([true, false, true, true]);
    expect(figure).toMatchObject({ right: 3, total: 4 });
    expect(figure.interval.estimate).toBe(0.75);
    expect(figure.interval.lo).toBeLessThanOrEqual(0.75);
    expect(figure.interval.hi).toBeGreaterThanOrEqual(0.75);
  });

  it('is reproducible for a seed', () => {
    const values = [true, false, false, true, true, false, true];
    expect(accuracyOf(values, 3)).toEqual(accuracyOf(values, 3));
  });

  it('refuses no tasks', () => {
    expect(() => accuracyOf([])).toThrow(RangeError);
  });
});

describe('pairedDifference', () => {
  it('counts discordant tasks and takes the mean of per-task differences', () => {
    const a = [true, true, false, true, false];
    const b = [false, true, true, false, false];
    const difference = pairedDifference(a, b);
    expect(difference.wins).toBe(2);
    expect(difference.losses).toBe(1);
    expect(difference.interval.estimate).toBeCloseTo(1 / 5);
  });

  it('gives a zero-width interval when the two never differ (pairing removes shared noise)', () => {
    const same = [true, false, true, false];
    expect(pairedDifference(same, same).interval).toEqual({ estimate: 0, lo: 0, hi: 0 });
  });

  it('refuses lists of different lengths', () => {
    expect(() => pairedDifference([true], [true, false])).toThrow(RangeError);
  });
});
