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

  it('adds phases timed elsewhere', () => {
    const timer = new PhaseTimer(() => 0);
    timer.add('open', 0.123);
    timer.add('open', 1);
    expect(timer.phases).toEqual({ open: 1.12 });
  });
});
