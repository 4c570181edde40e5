/**
 * FederationClient against real HTTP servers on 127.0.0.1, port 0: every way a peer can fail
 * must come back as a value with its code, never as a thrown error.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseVoteRequest } from '../dto/parse-messages';
import { MAX_JSON_DEPTH } from '../dto/json-depth';
import { FederationErrorCode, type ClientResult } from '../errors/federation-error';
import { asPeerId } from '../ids/peer-id';
import type { FederationLogger } from '../logger/federation-logger';
import type { VoteRequest } from '../messages/vote-request';
import { closedPort, readBody, sendJson, startTestServer, type TestServer } from '../testing/test-server';
import { peerHealthWire, voteResponseWire, withField } from '../testing/wire-fixtures';
import { FederationClient } from './federation-client';
import { OpenAiPeerClient } from './openai-peer-client';

const request: VoteRequest = {
  requestId: 'req-1',
  originNodeId: asPeerId('node-origin'),
  prompt: { kind: 'chat', messages: [{ role: 'user', content: 'What is 2 + 2?' }] },
  maxTokens: 16,
  temperature: 0.5,
  candidates: 2,
};

const servers: TestServer[] = [];

async function serve(handler: (request: IncomingMessage, response: ServerResponse) => void): Promise<TestServer> {
  const server = await startTestServer(handler);
  servers.push(server);
  return server;
}

/** A server that reads the request and never answers. */
function stall(request: IncomingMessage): void {
  request.resume();
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

function expectError<T>(result: ClientResult<T>, code: string): Extract<ClientResult<T>, { ok: false }>['error'] {
  if (result.ok) throw new Error(`expected ${code}, got a value`);
  expect(result.error.code).toBe(code);
  expect(result.error.message).not.toBe('');
  return result.error;
}

function recordingLogger(): FederationLogger & { lines: string[] } {
  const lines: string[] = [];
  const record = (level: string) => (message: string, fields?: Readonly<Record<string, unknown>>) => lines.push(`${level} ${message} ${JSON.stringify(fields ?? {})}`);
  return { lines, debug: record('debug'), info: record('info'), warn: record('warn'), error: record('error') };
}

describe('FederationClient.requestVote', () => {
  it('sends a valid vote request and returns the validated reply', async () => {
    let received: unknown;
    let seen = '';
    const server = await serve(async (req, res) => {
      seen = `${req.method} ${req.url} ${req.headers['content-type']}`;
      received = JSON.parse(await readBody(req));
      sendJson(res, 200, voteResponseWire('node-peer'));
    });
    const client = new FederationClient({ allowLoopback: true, baseUrl: server.url });
    const result = await client.requestVote(request, { deadlineMs: 5000, expectedNodeId: asPeerId('node-peer') });

    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.nodeId).toBe('node-peer');
    expect(result.value.votes.map((vote) => [vote.text, vote.score, vote.sequence])).toEqual([
      ['The answer is 4.', -0.2, 0],
      ['4', null, 1],
    ]);
    expect(result.value.usage).toEqual({ promptTokens: 20, completionTokens: 6 });
    expect(seen).toBe('POST /v1/federation/vote application/json');

    const parsed = parseVoteRequest(received);
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(parsed.value).toMatchObject({ requestId: 'req-1', originNodeId: 'node-origin', hops: 1, maxTokens: 16, temperature: 0.5, candidates: 2 });
    // The peer is told to finish before we stop waiting (default margin 200 ms).
    expect(parsed.value.deadlineMs).toBe(4800);
  });

  it('times out when the peer stalls', async () => {
    const server = await serve(stall);
    const client = new FederationClient({ allowLoopback: true, baseUrl: server.url });
    const started = performance.now();
    const error = expectError(await client.requestVote(request, { deadlineMs: 300 }), FederationErrorCode.TIMEOUT);
    const elapsed = performance.now() - started;
    expect(error).toMatchObject({ timeoutMs: 300 });
    expect(elapsed).toBeGreaterThanOrEqual(250);
    expect(elapsed).toBeLessThan(2000);
  });

  it('reports a closed port as refused', async () => {
    const port = await closedPort();
    const client = new FederationClient({ allowLoopback: true, baseUrl: `http://127.0.0.1:${port}` });
    const error = expectError(await client.requestVote(request, { deadlineMs: 2000 }), FederationErrorCode.REFUSED);
    expect(error).toMatchObject({ cause: 'ECONNREFUSED' });
  });

  it('reports a connection dropped mid-reply as refused', async () => {
    const server = await serve((req, res) => {
      req.resume();
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
      res.write('{"protocol":1,');
      setTimeout(() => res.socket?.destroy(), 20);
    });
    const client = new FederationClient({ allowLoopback: true, baseUrl: server.url });
    expectError(await client.requestVote(request, { deadlineMs: 2000 }), FederationErrorCode.REFUSED);
  });

  it('reports a body that is not JSON as a bad reply', async () => {
    const server = await serve((req, res) => {
      req.resume();
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"protocol": 1, "votes": [oops');
    });
    const client = new FederationClient({ allowLoopback: true, baseUrl: server.url });
    const error = expectError(await client.requestVote(request, { deadlineMs: 2000 }), FederationErrorCode.BAD_REPLY);
    expect(error).toMatchObject({ param: null, status: 200 });
  });

  it('reports a reply nested deeper than MAX_JSON_DEPTH as a bad reply instead of overflowing the stack', async () => {
    const depth = 200_000;
    const server = await serve((req, res) => {
      req.resume();
      const reply = JSON.stringify(voteResponseWire()).replace('"votes":[', `"extra":${'['.repeat(depth)}${']'.repeat(depth)},"votes":[`);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(reply);
    });
    const client = new FederationClient({ allowLoopback: true, baseUrl: server.url });
    const error = expectError(await client.requestVote(request, { deadlineMs: 5000 }), FederationErrorCode.BAD_REPLY);
    expect(error.message).toContain(`nested deeper than ${MAX_JSON_DEPTH} levels`);
  });

  it('reports a reply that breaks the DTO as a bad reply, naming the field', async () => {
    const server = await serve((req, res) => {
      req.resume();
      sendJson(res, 200, withField(voteResponseWire(), 'votes.1.score', 0.5));
    });
    const client = new FederationClient({ allowLoopback: true, baseUrl: server.url });
    const error = expectError(await client.requestVote(request, { deadlineMs: 2000 }), FederationErrorCode.BAD_REPLY);
    expect(error).toMatchObject({ param: 'votes[1].score' });
    expect(error.message).toMatch(/votes\[1\]\.score/);
  });

  it('stops reading an oversized reply (10 MiB streamed) at maxResponseBytes', async () => {
    let sent = 0;
    const server = await serve((req, res) => {
      req.resume();
      res.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(64 * 1024, 0x61);
      const pump = (): void => {
        while (sent < 10 * 1024 * 1024) {
          sent += chunk.length;
          if (!res.write(chunk)) {
            res.once('drain', pump);
            return;
          }
        }
        res.end();
      };
      res.on('error', () => undefined);
      res.write('{"text":"');
      pump();
    });
    const client = new FederationClient({ allowLoopback: true, baseUrl: server.url, maxResponseBytes: 1024 * 1024 });
    const error = expectError(await client.requestVote(request, { deadlineMs: 5000 }), FederationErrorCode.TOO_LARGE);
    expect(error).toMatchObject({ limitBytes: 1024 * 1024, direction: 'response' });
    expect(sent).toBeLessThan(10 * 1024 * 1024);
  });

  it('refuses to send a request above maxRequestBytes', async () => {
    const server = await serve((req, res) => sendJson(res, 200, voteResponseWire()));
    const client = new FederationClient({ allowLoopback: true, baseUrl: server.url, maxRequestBytes: 1000 });
    const big: VoteRequest = { ...request, prompt: { kind: 'text', text: 'x'.repeat(5000) } };
    const error = expectError(await client.requestVote(big, { deadlineMs: 2000 }), FederationErrorCode.TOO_LARGE);
    expect(error).toMatchObject({ direction: 'request', limitBytes: 1000 });
  });

  it('reports another protocol version in the reply', async () => {
    const server = await serve((req, res) => {
      req.resume();
      sendJson(res, 200, { protocol: 2, something: 'new' });
    });
    const client = new FederationClient({ allowLoopback: true, baseUrl: server.url });
    const error = expectError(await client.requestVote(request, { deadlineMs: 2000 }), FederationErrorCode.VERSION_MISMATCH);
    expect(error).toMatchObject({ peerProtocol: 2 });
  });

  it('reports a peer that refuses our version (HTTP 400 with the version code)', async () => {
    const server = await serve((req, res) => {
      req.resume();
      sendJson(res, 400, { error: { message: 'protocol 1 is too old', type: 'invalid_request_error', code: 'FEDERATION_ERR_VERSION_MISMATCH' } });
    });
    const client = new FederationClient({ allowLoopback: true, baseUrl: server.url });
    const error = expectError(await client.requestVote(request, { deadlineMs: 2000 }), FederationErrorCode.VERSION_MISMATCH);
    expect(error.message).toMatch(/too old/);
  });

  it('keeps the OpenAI-shaped error of an HTTP 500', async () => {
    const server = await serve((req, res) => {
      req.resume();
      sendJson(res, 500, { error: { message: 'all instances crashed', type: 'server_error', code: 'SWARM_ERR_ENGINE' } });
    });
    const client = new FederationClient({ allowLoopback: true, baseUrl: server.url });
    const error = expectError(await client.requestVote(request, { deadlineMs: 2000 }), FederationErrorCode.HTTP);
    expect(error).toMatchObject({ status: 500, peerMessage: 'all instances crashed', peerCode: 'SWARM_ERR_ENGINE' });
    expect(error.message).toMatch(/HTTP 500: all instances crashed/);
  });

  it('reports an error status without an OpenAI body', async () => {
    const server = await serve((req, res) => {
      req.resume();
      res.writeHead(404, { 'content-type': 'text/html' });
      res.end('<h1>Not Found</h1>');
    });
    const client = new FederationClient({ allowLoopback: true, baseUrl: server.url });
    const error = expectError(await client.requestVote(request, { deadlineMs: 2000 }), FederationErrorCode.HTTP);
    expect(error).toMatchObject({ status: 404, peerMessage: null, peerCode: null });
    expect(error.message).toMatch(/Not Found/);
  });

  it('does not follow redirects', async () => {
    const server = await serve((req, res) => {
      req.resume();
      res.writeHead(302, { location: 'http://example.com/' });
      res.end();
    });
    const client = new FederationClient({ allowLoopback: true, baseUrl: server.url });
    expect(expectError(await client.requestVote(request, { deadlineMs: 2000 }), FederationErrorCode.BAD_REPLY)).toMatchObject({ status: 302 });
  });

  it('stops when the caller aborts', async () => {
    const server = await serve(stall);
    const client = new FederationClient({ allowLoopback: true, baseUrl: server.url });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const started = performance.now();
    expectError(await client.requestVote(request, { deadlineMs: 10_000, signal: controller.signal }), FederationErrorCode.ABORTED);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('sends nothing when the signal is already aborted or the deadline already passed', async () => {
    let requests = 0;
    const server = await serve((req, res) => {
      requests += 1;
      sendJson(res, 200, voteResponseWire());
    });
    const client = new FederationClient({ allowLoopback: true, baseUrl: server.url });
    expectError(await client.requestVote(request, { deadlineMs: 1000, signal: AbortSignal.abort() }), FederationErrorCode.ABORTED);
    expectError(await client.requestVote(request, { deadlineMs: 0 }), FederationErrorCode.TIMEOUT);
    expectError(await client.requestVote(request, { deadlineMs: -5 }), FederationErrorCode.TIMEOUT);
    expect(requests).toBe(0);
    await expect(client.requestVote(request, { deadlineMs: Number.NaN })).rejects.toThrow(RangeError);
  });

  it('refuses to send an invalid request, naming the field', async () => {
    let requests = 0;
    const server = await serve((req, res) => {
      requests += 1;
      sendJson(res, 200, voteResponseWire());
    });
    const client = new FederationClient({ allowLoopback: true, baseUrl: server.url });
    const error = expectError(await client.requestVote({ ...request, maxTokens: 0 }, { deadlineMs: 1000 }), FederationErrorCode.INVALID_MESSAGE);
    expect(error).toMatchObject({ param: 'max_tokens' });
    expect(requests).toBe(0);
  });

  it('accepts votes of other node ids but logs them', async () => {
    const reply = voteResponseWire('node-peer');
    const server = await serve((req, res) => {
      req.resume();
      sendJson(res, 200, withField(reply, 'votes.1.node_id', 'node-backend'));
    });
    const logger = recordingLogger();
    const client = new FederationClient({ allowLoopback: true, baseUrl: server.url, logger });
    const result = await client.requestVote(request, { deadlineMs: 2000, expectedNodeId: asPeerId('node-expected') });
    expect(result.ok).toBe(true);
    expect(logger.lines.some((line) => line.startsWith('warn') && line.includes('node-expected'))).toBe(true);
    expect(logger.lines.some((line) => line.startsWith('info') && line.includes('node-backend'))).toBe(true);
  });

  it('throws for a base URL that is not http (a programmer error)', () => {
    expect(() => new FederationClient({ baseUrl: 'https://peer:17615' })).toThrow(TypeError);
    expect(() => new FederationClient({ baseUrl: 'peer:17615:x' })).toThrow(TypeError);
  });
});

describe('FederationClient.health', () => {
  it('returns the validated health with its round-trip time', async () => {
    let seen = '';
    const server = await serve((req, res) => {
      seen = `${req.method} ${req.url}`;
      sendJson(res, 200, peerHealthWire('node-peer'));
    });
    const client = new FederationClient({ allowLoopback: true, baseUrl: `${server.url}/` });
    const result = await client.health({ timeoutMs: 1000 });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value).toMatchObject({ nodeId: 'node-peer', instances: 3, load: { busyInstances: 1, maxQueue: 16 } });
    expect(result.value.rttMs).toBeGreaterThan(0);
    expect(seen).toBe('GET /v1/federation/health');
  });

  it('times out with the call timeout, else the client default', async () => {
    const server = await serve(stall);
    const client = new FederationClient({ allowLoopback: true, baseUrl: server.url, timeoutMs: 150 });
    expect(expectError(await client.health({ timeoutMs: 100 }), FederationErrorCode.TIMEOUT)).toMatchObject({ timeoutMs: 100 });
    expect(expectError(await client.health(), FederationErrorCode.TIMEOUT)).toMatchObject({ timeoutMs: 150 });
  });

  it('reports an invalid health reply and another version', async () => {
    let body: unknown = withField(peerHealthWire(), 'load.capacity', -1);
    const server = await serve((req, res) => sendJson(res, 200, body));
    const client = new FederationClient({ allowLoopback: true, baseUrl: server.url });
    expect(expectError(await client.health(), FederationErrorCode.BAD_REPLY)).toMatchObject({ param: 'load.capacity' });
    body = { ...peerHealthWire(), protocol: 3 };
    expect(expectError(await client.health(), FederationErrorCode.VERSION_MISMATCH)).toMatchObject({ peerProtocol: 3 });
  });
});

describe('OpenAiPeerClient', () => {
  it('checks GET {baseUrl}/models and reports the first model', async () => {
    const server = await serve((req, res) => {
      if (req.url === '/v1/models') sendJson(res, 200, { object: 'list', data: [{ id: 'llama-3.1-8b', object: 'model' }] });
      else sendJson(res, 404, { error: { message: `no ${req.url}` } });
    });
    const client = new OpenAiPeerClient({ allowLoopback: true, baseUrl: `${server.url}/v1` });
    const result = await client.health({ timeoutMs: 1000 });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value).toMatchObject({ nodeId: `openai:${server.url}/v1`, modelId: 'llama-3.1-8b', instances: null, load: null });
  });

  it('reports a reply that is not a model list', async () => {
    const server = await serve((req, res) => sendJson(res, 200, { models: [] }));
    const client = new OpenAiPeerClient({ allowLoopback: true, baseUrl: `${server.url}/v1` });
    expect(expectError(await client.health(), FederationErrorCode.BAD_REPLY)).toMatchObject({ param: 'data' });
  });
});
