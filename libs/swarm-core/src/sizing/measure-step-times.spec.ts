import { measureStepTimes, PROBE_MAX_COUNTS, PROBE_ROUNDS, PROBE_STEPS_PER_ROUND, PROBE_TIME_LIMIT_MS } from './measure-step-times';

/** A fake clock whose steps take `costOf(count)` ms each; records the order counts ran in. */
function fakeMachine(costOf: (count: number) => number) {
  let clock = 0;
  const order: number[] = [];
  return {
    order,
    now: () => clock,
    step: async (count: number) => {
      order.push(count);
      clock += costOf(count);
    },
  };
}

describe('measureStepTimes', () => {
  it('interleaves the counts over rounds and returns each count’s median', async () => {
    let call = 0;
    const machine = fakeMachine((count) => count * 10 + (call++ % 3 === 0 ? 50 : 0));
    const times = await measureStepTimes({ counts: [1, 3], rounds: 2, stepsPerRound: 3, now: machine.now, step: machine.step });
    expect(machine.order).toEqual([1, 1, 1, 3, 3, 3, 1, 1, 1, 3, 3, 3]);
    // Every third step is 50 ms slower; the median ignores those outliers.
    expect(times.costs).toEqual([
      { candidates: 1, stepMs: 10 },
      { candidates: 3, stepMs: 30 },
    ]);
    expect(times).toMatchObject({ steps: 12, timedOut: false });
  });

  it('takes each count from its least-disturbed round: a busy spell over most rounds does not move it', async () => {
    // The first two rounds run while another program holds the cores: every step there takes 3x as long.
    let call = 0;
    const machine = fakeMachine((count) => count * 10 * (call++ < 12 ? 3 : 1));
    const times = await measureStepTimes({ counts: [1, 3], rounds: 3, stepsPerRound: 3, now: machine.now, step: machine.step });
    expect(times.costs).toEqual([
      { candidates: 1, stepMs: 10 },
      { candidates: 3, stepMs: 30 },
    ]);
  });

  it('runs its documented number of steps by default', async () => {
    const machine = fakeMachine(() => 1);
    const times = await measureStepTimes({ counts: [1, 3, 5, 7], now: machine.now, step: machine.step });
    expect(times.steps).toBe(PROBE_ROUNDS * PROBE_STEPS_PER_ROUND * 4);
  });

  it('stops measuring once its time limit has passed, keeping the counts it measured', async () => {
    // Counts 1, 3 and 5 take 4.05 s in all: 7 is never measured.
    const machine = fakeMachine((count) => (count === 7 ? 1000 : count * 150));
    const times = await measureStepTimes({ counts: [1, 3, 5, 7], now: machine.now, step: machine.step });
    expect(PROBE_TIME_LIMIT_MS).toBe(3000);
    expect(times.timedOut).toBe(true);
    expect(times.costs.map((cost) => cost.candidates)).toEqual([1, 3, 5]);
    expect(machine.now()).toBe(4050);
    expect(times.steps).toBe(9);
  });

  it.each([
    ['a first count other than 1', [3, 5]],
    ['counts out of order', [1, 5, 3]],
    ['a repeated count', [1, 3, 3]],
    ['a fractional count', [1, 2.5]],
    ['too many counts', Array.from({ length: PROBE_MAX_COUNTS + 1 }, (_, index) => index + 1)],
  ])('refuses %s before running any step', async (_, counts) => {
    const machine = fakeMachine(() => 1);
    await expect(measureStepTimes({ counts, now: machine.now, step: machine.step })).rejects.toThrow(RangeError);
    expect(machine.order).toEqual([]);
  });
});
