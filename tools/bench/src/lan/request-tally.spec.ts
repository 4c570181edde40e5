import type { RequestOutcome } from './request-outcome';
import { tallyRequests } from './request-tally';

const ok = (startedAt: number, endedAt: number, answeredBy: string[], completionTokens = 32): RequestOutcome => ({ startedAt, endedAt, status: 200, completionTokens, answeredBy });

const OUTCOMES: RequestOutcome[] = [
  ok(0, 900, ['a']),
  ok(100, 1100, ['b']),
  ok(900, 1900, ['a', 'b'], 64),
  { startedAt: 1000, endedAt: 1050, status: 503, completionTokens: 0, answeredBy: [], error: 'HTTP 503' },
  { startedAt: 1950, endedAt: 2500, status: null, completionTokens: 0, answeredBy: [], error: 'fetch failed' },
];

describe('tallyRequests', () => {
  it('counts everything without a window', () => {
    expect(tallyRequests(OUTCOMES)).toEqual({
      requests: 5,
      completed: 3,
      failed: 2,
      completionTokens: 128,
      byNode: { a: 2, b: 2 },
      failures: { 'HTTP 503': 1, 'fetch failed': 1 },
    });
  });
  it('counts requests that ended inside a window (throughput)', () => {
    const tally = tallyRequests(OUTCOMES, { from: 1000, to: 2000, rule: 'ended' });
    expect(tally).toMatchObject({ requests: 3, completed: 2, failed: 1, completionTokens: 96, byNode: { a: 1, b: 2 } });
  });
  it('counts requests in flight at any moment of a window (events)', () => {
    const tally = tallyRequests(OUTCOMES, { from: 1950, to: 2000, rule: 'overlapping' });
    expect(tally).toMatchObject({ requests: 1, completed: 0, failed: 1, failures: { 'fetch failed': 1 } });
    expect(tallyRequests(OUTCOMES, { from: 850, to: 950, rule: 'overlapping' }).requests).toBe(3);
  });
  it('names a failure without a reason by its status', () => {
    const outcome: RequestOutcome = { startedAt: 0, endedAt: 1, status: 429, completionTokens: 0, answeredBy: [] };
    expect(tallyRequests([outcome]).failures).toEqual({ 'HTTP 429': 1 });
  });
});
