import { ClientLoop } from './client-loop';
import type { RequestOutcome } from './request-outcome';

describe('ClientLoop', () => {
  it('keeps `concurrency` requests in flight until stopped, and waits for the last ones', async () => {
    let inFlight = 0;
    let most = 0;
    const send = async (): Promise<RequestOutcome> => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setImmediate(resolve));
      inFlight -= 1;
      return { startedAt: 0, endedAt: 1, status: 200, completionTokens: 1, answeredBy: [] };
    };
    const loop = new ClientLoop(send, 3);
    loop.start();
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    const outcomes = await loop.stop();
    expect(most).toBe(3);
    expect(inFlight).toBe(0);
    expect(outcomes.length).toBeGreaterThanOrEqual(3);
    expect(loop.outcomes).toHaveLength(outcomes.length);
  });
  it.each([0, 1.5, -1])('refuses concurrency %p', (concurrency) => {
    expect(() => new ClientLoop(async () => ({ startedAt: 0, endedAt: 0, status: null, completionTokens: 0, answeredBy: [] }), concurrency)).toThrow(RangeError);
  });
});
