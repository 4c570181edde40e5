/**
 * A peer is asked over one kept-alive connection: a new TCP connection per vote costs a handshake
 * and TCP slow start on every vote. Counted on a real server on 127.0.0.1.
 */
import { asPeerId } from '../ids/peer-id';
import type { VoteRequest } from '../messages/vote-request';
import { readBody, sendJson, startTestServer, type TestServer } from '../testing/test-server';
import { voteResponseWire } from '../testing/wire-fixtures';
import { FederationClient, type VoteCallTiming } from './federation-client';

const request: VoteRequest = {
  requestId: 'req-1',
  originNodeId: asPeerId('node-origin'),
  prompt: { kind: 'text', text: 'Say 4.' },
  maxTokens: 8,
};

let server: TestServer;
let connections: number;

beforeEach(async () => {
  connections = 0;
  server = await startTestServer(async (incoming, response) => {
    await readBody(incoming);
    sendJson(response, 200, voteResponseWire('node-peer'));
  });
  server.server.on('connection', () => (connections += 1));
});

afterEach(() => server.close());

describe('FederationClient keep-alive', () => {
  it('sends two votes to one peer over one connection, and says which call opened it', async () => {
    const client = new FederationClient({ allowLoopback: true, baseUrl: server.url });
    const timings: VoteCallTiming[] = [];
    for (let call = 0; call < 2; call++) {
      const result = await client.requestVote(request, { deadlineMs: 5000, onTiming: (timing) => timings.push(timing) });
      expect(result.ok).toBe(true);
    }
    expect(connections).toBe(1);
    expect(timings.map((timing) => timing.reusedConnection)).toEqual([false, true]);
  });

  it('times the asking side phase by phase (open: no seal, the reply parsed as JSON)', async () => {
    const client = new FederationClient({ allowLoopback: true, baseUrl: server.url });
    let timing: VoteCallTiming | undefined;
    await client.requestVote(request, { deadlineMs: 5000, onTiming: (reported) => (timing = reported) });
    expect(Object.keys(timing?.phases ?? {})).toEqual(['build', 'connect', 'headers', 'body', 'parse', 'validate']);
    for (const ms of Object.values(timing?.phases ?? {})) expect(ms).toBeGreaterThanOrEqual(0);
  });
});
