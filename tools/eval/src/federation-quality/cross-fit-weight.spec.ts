import { crossFitWeight } from './cross-fit-weight';

describe('crossFitWeight', () => {
  const grid = [0, 1, 2];

  it('scores each fold with the weight chosen on the other fold', () => {
    // Even tasks (fold 0) are right only with weight 2; odd tasks (fold 1) only with weight 0.
    const rows = [
      [false, false, true],
      [true, false, false],
      [false, false, true],
      [true, false, false],
    ];
    const result = crossFitWeight(rows, grid);
    // Fold 0 is scored with fold 1's best (0), and the other way round: both wrong everywhere.
    expect(result.chosen).toEqual([0, 2]);
    expect(result.correct).toEqual([false, false, false, false]);
    expect(result.inSample).toEqual([0.5, 0, 0.5]);
  });

  it('carries a weight that is best everywhere to every fold', () => {
    const rows = [
      [false, true, false],
      [false, true, true],
      [true, true, false],
    ];
    expect(crossFitWeight(rows, grid).correct).toEqual([true, true, true]);
  });

  it('breaks ties towards the preferred weight (equal weights), then the smaller', () => {
    const tied = [
      [true, true, true],
      [true, true, true],
    ];
    expect(crossFitWeight(tied, grid).chosen).toEqual([1, 1]);
    expect(crossFitWeight([[true, true], [true, true]], [0.5, 1.5]).chosen).toEqual([0.5, 0.5]);
    // With one task, its fold's training set is empty: the preferred weight is used.
    expect(crossFitWeight([[false, false, true]], grid).chosen).toEqual([1, 2]);
  });

  it('refuses inconsistent input', () => {
    expect(() => crossFitWeight([[true]], grid)).toThrow(RangeError);
    expect(() => crossFitWeight([], [])).toThrow(RangeError);
    expect(() => crossFitWeight([], grid, 1)).toThrow(RangeError);
  });
});
