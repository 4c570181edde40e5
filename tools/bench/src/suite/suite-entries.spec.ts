import { SUITE, selectEntries } from './suite-entries';

describe('selectEntries', () => {
  it('keeps suite order whatever order the names come in', () => {
    expect(selectEntries(['memory', 'consensus-cost'], []).map((entry) => entry.name)).toEqual(['consensus-cost', 'memory']);
  });
  it('runs everything but the skipped ones by default', () => {
    expect(selectEntries([], ['answer-quality'])).toHaveLength(SUITE.length - 1);
  });
  it('refuses a name that is not a benchmark, listing the known ones', () => {
    expect(() => selectEntries(['memroy'], [])).toThrow(/unknown benchmark\(s\): memroy; known: consensus-cost/);
  });
  it("gives every benchmark a unique name", () => {
    expect(new Set(SUITE.map((entry) => entry.name)).size).toBe(SUITE.length);
  });
});
