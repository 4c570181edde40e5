import { PhaseTimer } from './phase-timer';

describe('PhaseTimer', () => {
  it('times consecutive phases from the previous end, adding up a name ended twice', () => {
    const clock = [10, 12.5, 20, 21.004];
    const timer = new PhaseTimer(() => clock.shift() ?? Number.NaN);
    timer.end('parse');
    timer.end('wait');
    timer.end('parse');
    expect(timer.phases).toEqual({ parse: 3.5, wait: 7.5 });
  });

  it('ends a phase at a time noted by the step itself, the next phase starting there', () => {
    const clock = [10, 30];
    const timer = new PhaseTimer(() => clock.shift() ?? Number.NaN);
    timer.end('connect', 12);
    timer.end('headers');
    expect(timer.phases).toEqual({ connect: 2, headers: 18 });
  });

  it('adds phases timed elsewhere', () => {
    const timer = new PhaseTimer(() => 0);
    timer.add('open', 0.123);
    timer.add('open', 1);
    expect(timer.phases).toEqual({ open: 1.12 });
  });
});
