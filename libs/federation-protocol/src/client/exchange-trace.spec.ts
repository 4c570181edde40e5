/** ExchangeTrace notes when a request's socket was ready and when its reply's headers came, on a real server on 127.0.0.1. */
import { Agent } from 'node:http';
import { readBody, sendJson, startTestServer, type TestServer } from '../testing/test-server';
import { ExchangeTrace } from './exchange-trace';

let server: TestServer;
const agent = new Agent({ keepAlive: true });

beforeEach(async () => {
  server = await startTestServer(async (incoming, response) => {
    await readBody(incoming);
    sendJson(response, 200, { ok: true });
  });
});

afterEach(async () => {
  agent.destroy();
  await server.close();
});

/** One GET through a fresh trace: its marks, with the time it was sent and the time its body ended. */
async function tracedGet(): Promise<{ sentAt: number; endedAt: number; connectedAt: number | null; headersAt: number | null }> {
  const trace = new ExchangeTrace(false);
  const sentAt = performance.now();
  const endedAt = await new Promise<number>((resolve, reject) => {
    const request = trace.request({ host: '127.0.0.1', port: new URL(server.url).port, path: '/', agent }, (response) => {
      response.resume();
      response.on('end', () => resolve(performance.now()));
    });
    request.on('error', reject);
    request.end();
  });
  return { sentAt, endedAt, ...trace.marks };
}

describe('ExchangeTrace', () => {
  it('marks the socket ready, then the headers, within the call, on a new and on a kept-alive socket', async () => {
    for (let call = 0; call < 2; call++) {
      const { sentAt, endedAt, connectedAt, headersAt } = await tracedGet();
      expect(connectedAt).toBeGreaterThanOrEqual(sentAt);
      expect(headersAt).toBeGreaterThanOrEqual(connectedAt ?? Number.NaN);
      expect(endedAt).toBeGreaterThanOrEqual(headersAt ?? Number.NaN);
    }
  });

  it('leaves the marks null for a request never sent', () => {
    expect(new ExchangeTrace(false).marks).toEqual({ connectedAt: null, headersAt: null });
  });
});
