import { cpuPlan } from './cpu-plan';

describe('cpuPlan', () => {
  it('gives the costliest node a CPU of its own on 2 CPUs; the others share the first', () => {
    expect(cpuPlan(2, [1, 1, 3])).toEqual([[0], [0], [1]]);
    expect(cpuPlan(2, [3, 1, 1])).toEqual([[1], [0], [0]]);
  });

  it('spreads the rest round-robin when there are more CPUs but still fewer than nodes', () => {
    expect(cpuPlan(3, [1, 1, 1, 5])).toEqual([[0], [1], [0], [2]]);
  });

  it('gives every node its own CPU when there are enough', () => {
    expect(cpuPlan(16, [1, 1, 3])).toEqual([[0], [1], [2]]);
  });

  it('pins nothing on one CPU', () => {
    expect(cpuPlan(1, [1, 1, 3])).toEqual([[], [], []]);
    expect(cpuPlan(2, [])).toEqual([]);
  });
});
