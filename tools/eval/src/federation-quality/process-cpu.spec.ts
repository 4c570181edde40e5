import { cpuSecondsFromStat } from './process-cpu';

describe('cpuSecondsFromStat', () => {
  it('adds utime and stime (fields 14 and 15) in USER_HZ ticks', () => {
    const stat = '4242 (node) S 1 4242 4242 0 -1 4194560 100 0 0 0 250 37 0 0 20 0 11 0 123 456 789';
    expect(cpuSecondsFromStat(stat)).toBeCloseTo(2.87);
  });

  it('counts fields after the last parenthesis, whatever the command name holds', () => {
    const stat = '7 (a (b) c) R 1 7 7 0 -1 0 0 0 0 0 100 100 0 0 20 0 1 0 5 6 7';
    expect(cpuSecondsFromStat(stat)).toBe(2);
  });

  it('gives null for text of another shape', () => {
    expect(cpuSecondsFromStat('')).toBeNull();
    expect(cpuSecondsFromStat('1 (x) S 1')).toBeNull();
  });
});
