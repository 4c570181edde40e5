import { AUTO_MARGINAL_COST_BOUND, chooseSizeByCost, type StepCost } from './choose-size-by-cost';

const points = (...pairs: [number, number][]): StepCost[] => pairs.map(([candidates, stepMs]) => ({ candidates, stepMs }));

describe('chooseSizeByCost', () => {
  it('documents its bound: an extra candidate may cost half a lone one', () => {
    expect(AUTO_MARGINAL_COST_BOUND).toBe(0.5);
  });

  it('grows to the memory cap while each extra candidate costs under the bound, and says what it measured', () => {
    // marginal costs: 3: (12-10)/20 = 0.1, 5: 0.2, 7: 0.3
    const choice = chooseSizeByCost({ measured: points([1, 10], [3, 12], [5, 16], [7, 22]), memoryCap: 7 });
    expect(choice).toMatchObject({ instances: 7, ratio: 2.2, stoppedBy: 'memory', firstTooCostly: null });
    expect(choice.reason).toBe('7 candidates cost 2.2x one on this machine (measured: 3 → 1.2x, 5 → 1.6x, 7 → 2.2x); memory allows 7');
    expect(choice.measured.map((point) => point.candidates)).toEqual([1, 3, 5, 7]);
  });

  it('stops at the first count that breaks the bound, even if a later one looks cheap', () => {
    // 3: 0.2, 5: (25-14)/20 = 0.55 > 0.5, 7: (26-25)/20 = 0.05
    const choice = chooseSizeByCost({ measured: points([1, 10], [3, 14], [5, 25], [7, 26]), memoryCap: 7 });
    expect(choice).toMatchObject({ instances: 3, stoppedBy: 'cost', firstTooCostly: { candidates: 5, ratio: 2.5 } });
    expect(choice.reason).toMatch(/^3 candidates cost 1\.4x one on this machine/);
  });

  it('takes a marginal cost exactly at the bound', () => {
    const choice = chooseSizeByCost({ measured: points([1, 10], [3, 20], [5, 30]), memoryCap: 5 });
    expect(choice.instances).toBe(5);
  });

  it('never exceeds the memory cap, whatever the measurements', () => {
    const choice = chooseSizeByCost({ measured: points([1, 10], [3, 11], [5, 12], [7, 13]), memoryCap: 5 });
    expect(choice).toMatchObject({ instances: 5, stoppedBy: 'memory' });
    expect(choice.reason).toMatch(/memory allows 5$/);
  });

  it('keeps three candidates when memory allows them, and says the floor overrode the bound', () => {
    const choice = chooseSizeByCost({ measured: points([1, 10], [3, 30], [5, 50]), memoryCap: 5 });
    expect(choice).toMatchObject({ instances: 3, ratio: 3, stoppedBy: 'cost' });
    expect(choice.reason).toBe(
      '3 candidates cost 3.0x one on this machine (measured: 3 → 3.0x, 5 → 5.0x); kept at 3, the fewest votes consensus needs, ' +
        'although each extra candidate costs over 0.5x one; memory allows 5',
    );
  });

  it('stays at one candidate when memory allows only one', () => {
    const choice = chooseSizeByCost({ measured: points([1, 10]), memoryCap: 1 });
    expect(choice).toMatchObject({ instances: 1, ratio: 1, stoppedBy: 'memory' });
  });

  it('chooses among the measured counts when a time cap left larger ones out', () => {
    const choice = chooseSizeByCost({ measured: points([1, 10], [3, 12]), memoryCap: 7 });
    expect(choice).toMatchObject({ instances: 3, stoppedBy: 'unmeasured' });
    const floored = chooseSizeByCost({ measured: points([1, 10]), memoryCap: 7 });
    expect(floored).toMatchObject({ instances: 3, ratio: null });
    expect(floored.reason).toMatch(/^3 candidates \(measured: none\); kept at 3, .*not measured in time; memory allows 7$/);
  });

  it('honours a bound given by the caller', () => {
    const choice = chooseSizeByCost({ measured: points([1, 10], [3, 12], [5, 16], [7, 22]), memoryCap: 7, bound: 0.15 });
    expect(choice.instances).toBe(3);
  });

  it.each([
    ['no lone candidate', points([3, 12])],
    ['a zero time', points([1, 0], [3, 12])],
    ['a non-finite time', points([1, 10], [3, Number.NaN])],
    ['a bad count', points([1, 10], [2.5, 12])],
  ])('refuses measurements with %s', (_, measured) => {
    expect(() => chooseSizeByCost({ measured, memoryCap: 7 })).toThrow(RangeError);
  });
});
