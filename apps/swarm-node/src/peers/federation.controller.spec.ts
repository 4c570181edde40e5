/**
 * The /v1/federation routes in-process: the app as start-node.ts wires it with --federation
 * (discovery off, no configured peers) on a fake swarm, requests through fastify.inject. Peers
 * are real HTTP servers (or a second app) on 127.0.0.1:0.
 */
import {
  FEDERATION_PROTOCOL_VERSION,
  FederationClient,
  FederationErrorCode,
  openAiPeerId,
  parsePeerHealth,
  parsePeerStatus,
  parseVoteResponse,
  type PeerHealthWire,
  type PeerStatusWire,
  type VoteRequestWire,
  type VoteResponseWire,
} from '@local-swarm/federation-protocol';
import { nodeSeed, PeerCandidateSource, type PeerDirectory } from '@local-swarm/federation';
import { closedPort, sendJson, startHealthyPeer, startTestHttpServer, waitFor, type TestHttpServer } from '@local-swarm/federation/testing';
import { SwarmErrorCode } from '@local-swarm/swarm-core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { AddressInfo } from 'node:net';
import { FakeSwarm } from '../testing/fake-swarm';
import { createFederatedApp, federationConfig, TEST_NODE_ID } from '../testing/federation-fixtures';
import { TEST_NODE_SETTINGS } from '../testing/test-node-settings';

interface OpenAiErrorJson {
  error: { message: string; type: string; param: string | null; code: string | null };
}

function voteRequest(overrides: Partial<VoteRequestWire> = {}): VoteRequestWire {
  return {
    protocol: FEDERATION_PROTOCOL_VERSION,
    request_id: 'req-1',
    origin_node_id: 'node-origin',
    hops: 1,
    deadline_ms: 10_000,
    prompt: { kind: 'chat', messages: [{ role: 'user', content: 'What is 2 + 3?' }] },
    max_tokens: 32,
    ...overrides,
  };
}

/** A deep copy of `body` with `path` (like `prompt.messages.0.role`) set; undefined deletes it. */
function withField(body: object, path: string, value: unknown): Record<string, unknown> {
  const copy = JSON.parse(JSON.stringify(body)) as Record<string, unknown>;
  const keys = path.split('.');
  const last = keys.pop() ?? '';
  let target: Record<string, unknown> = copy;
  for (const key of keys) target = target[key] as Record<string, unknown>;
  if (value === undefined) delete target[last];
  else target[last] = value;
  return copy;
}

function expectOpenAiError(response: LightMyRequestResponse, status: number, expected: Partial<OpenAiErrorJson['error']>): OpenAiErrorJson['error'] {
  expect(response.statusCode).toBe(status);
  const body = response.json<OpenAiErrorJson>();
  expect(Object.keys(body)).toEqual(['error']);
  expect(Object.keys(body.error).sort()).toEqual(['code', 'message', 'param', 'type']);
  expect(body.error.message).not.toBe('');
  expect(body.error).toMatchObject(expected);
  return body.error;
}

const servers: TestHttpServer[] = [];

async function track(server: Promise<TestHttpServer>): Promise<TestHttpServer> {
  const started = await server;
  servers.push(started);
  return started;
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

describe('FederationController (in-process, fake swarm)', () => {
  let swarm: FakeSwarm;
  let app: NestFastifyApplication;
  let fastify: FastifyInstance;
  let directory: PeerDirectory;

  beforeAll(async () => {
    swarm = new FakeSwarm();
    ({ app, fastify, directory } = await createFederatedApp(swarm));
    expect(directory.start()).toEqual({ ok: true });
  });

  afterAll(async () => {
    await app.close();
  });

  beforeEach(() => {
    swarm.failure = null;
    swarm.requests.length = 0;
    for (const peer of directory.list()) directory.remove(peer.node_id);
  });

  function post(url: string, payload: unknown): Promise<LightMyRequestResponse> {
    return fastify.inject({ method: 'POST', url, payload: JSON.stringify(payload), headers: { 'content-type': 'application/json' } });
  }

  describe('POST /v1/federation/vote', () => {
    it("answers with this node's votes in the wire shape", async () => {
      const response = await post('/v1/federation/vote', voteRequest());
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      const body = response.json<VoteResponseWire>();
      expect(body).toEqual<VoteResponseWire>({
        protocol: FEDERATION_PROTOCOL_VERSION,
        node_id: TEST_NODE_ID,
        model_id: 'fake-model',
        votes: [
          { text: '5', score: -0.9, finish_reason: 'stop', completion_tokens: 2, latency_ms: 30, node_id: TEST_NODE_ID, model_id: 'fake-model', sequence: 0 },
          { text: '5', score: -0.7, finish_reason: 'stop', completion_tokens: 3, latency_ms: 20, node_id: TEST_NODE_ID, model_id: 'fake-model', sequence: 1 },
          { text: 'six', score: -0.1, finish_reason: 'stop', completion_tokens: 4, latency_ms: 10, node_id: TEST_NODE_ID, model_id: 'fake-model', sequence: 2 },
        ],
        usage: { prompt_tokens: 12, completion_tokens: 9 },
      });
      // What the asking node's client validates the reply with.
      expect(parseVoteResponse(body).ok).toBe(true);
    });

    it('generates with every instance by default and passes the prompt and sampling through', async () => {
      await post('/v1/federation/vote', voteRequest({ prompt: { kind: 'text', text: 'Once' }, temperature: 0.4, top_p: 0.9, stop: ['END'], json: true }));
      expect(swarm.requests).toHaveLength(1);
      expect(swarm.requests[0]).toMatchObject({ prompt: { kind: 'text', text: 'Once' }, maxTokens: 32, candidates: 3, temperature: 0.4, topP: 0.9, stop: ['END'], json: true });
      expect(swarm.requests[0]).not.toHaveProperty('seed');
      // The origin's request id, for the logs of both nodes.
      expect(swarm.requests[0]?.requestId).toBe('req-1');
    });

    it('gives at most as many candidates as it has instances', async () => {
      await post('/v1/federation/vote', voteRequest({ candidates: 2 }));
      await post('/v1/federation/vote', voteRequest({ candidates: 64 }));
      expect(swarm.requests.map((request) => request.candidates)).toEqual([2, 3]);
    });

    it("makes the request's seed its own, reproducibly", async () => {
      await post('/v1/federation/vote', voteRequest({ seed: 42 }));
      await post('/v1/federation/vote', voteRequest({ seed: 42 }));
      expect(swarm.requests.map((request) => request.seed)).toEqual([nodeSeed(42, TEST_NODE_ID), nodeSeed(42, TEST_NODE_ID)]);
    });

    it.each<[string, object, string]>([
      ['an unknown role', withField(voteRequest(), 'prompt.messages.0.role', 'wizard'), 'prompt.messages[0].role'],
      ['content not a string', withField(voteRequest(), 'prompt.messages.0.content', 7), 'prompt.messages[0].content'],
      ['no messages', withField(voteRequest(), 'prompt.messages', []), 'prompt.messages'],
      ['an unknown prompt kind', withField(voteRequest(), 'prompt.kind', 'image'), 'prompt.kind'],
      ['no prompt', withField(voteRequest(), 'prompt', undefined), 'prompt'],
      ['no request_id', withField(voteRequest(), 'request_id', undefined), 'request_id'],
      ['no origin_node_id', withField(voteRequest(), 'origin_node_id', undefined), 'origin_node_id'],
      ['max_tokens 0', voteRequest({ max_tokens: 0 }), 'max_tokens'],
      ['max_tokens as a string', withField(voteRequest(), 'max_tokens', '32'), 'max_tokens'],
      ['deadline_ms 0', voteRequest({ deadline_ms: 0 }), 'deadline_ms'],
      ['temperature 3', voteRequest({ temperature: 3 }), 'temperature'],
      ['an empty stop string', voteRequest({ stop: [''] }), 'stop'],
      ['candidates 65', voteRequest({ candidates: 65 }), 'candidates'],
      ['protocol 0', voteRequest({ protocol: 0 }), 'protocol'],
    ])('refuses %s with 400 naming the field', async (_label, payload, param) => {
      const response = await post('/v1/federation/vote', payload);
      expectOpenAiError(response, 400, { type: 'invalid_request_error', param, code: FederationErrorCode.INVALID_MESSAGE });
      expect(swarm.requests).toHaveLength(0);
    });

    it('refuses a body that is not a JSON object', async () => {
      const response = await post('/v1/federation/vote', [voteRequest()]);
      expectOpenAiError(response, 400, { type: 'invalid_request_error' });
      expect(swarm.requests).toHaveLength(0);
    });

    it('refuses another protocol version with a VERSION_MISMATCH code', async () => {
      const response = await post('/v1/federation/vote', voteRequest({ protocol: FEDERATION_PROTOCOL_VERSION + 1, prompt: { kind: 'text', text: 'v2 shape' } }));
      const error = expectOpenAiError(response, 400, { type: 'invalid_request_error', param: 'protocol' });
      expect(error.code).toContain('VERSION_MISMATCH');
      expect(swarm.requests).toHaveLength(0);
    });

    it('refuses a forwarded request (hops 2)', async () => {
      const response = await post('/v1/federation/vote', voteRequest({ hops: 2 }));
      expectOpenAiError(response, 400, { type: 'invalid_request_error', param: 'hops', code: FederationErrorCode.HOPS_EXCEEDED });
      expect(swarm.requests).toHaveLength(0);
    });

    it('accepts hops 0', async () => {
      expect((await post('/v1/federation/vote', voteRequest({ hops: 0 }))).statusCode).toBe(200);
    });

    it('refuses to vote on its own request', async () => {
      const response = await post('/v1/federation/vote', voteRequest({ origin_node_id: TEST_NODE_ID }));
      expectOpenAiError(response, 400, { type: 'invalid_request_error', param: 'origin_node_id', code: 'self_vote' });
      expect(swarm.requests).toHaveLength(0);
    });

    it("generates at most the node's max tokens limit, whatever the peer asks", async () => {
      const response = await post('/v1/federation/vote', voteRequest({ max_tokens: 4096 }));
      expect(response.statusCode).toBe(200);
      expect(swarm.requests.map((request) => request.maxTokens)).toEqual([TEST_NODE_SETTINGS.maxTokensLimit]);
    });

    it('answers 429 with retry-after when its queue is full', async () => {
      swarm.failure = { code: SwarmErrorCode.QueueFull, message: 'busy', retryAfterSeconds: 3 };
      const response = await post('/v1/federation/vote', voteRequest());
      expectOpenAiError(response, 429, { type: 'rate_limit_error', code: 'queue_full' });
      expect(response.headers['retry-after']).toBe('3');
    });
  });

  describe('GET /v1/federation/health', () => {
    it('reports identity, protocol and load in the wire shape peers check', async () => {
      const response = await fastify.inject({ method: 'GET', url: '/v1/federation/health' });
      expect(response.statusCode).toBe(200);
      const body = response.json<PeerHealthWire>();
      expect(body).toEqual<PeerHealthWire>({
        node_id: TEST_NODE_ID,
        version: TEST_NODE_SETTINGS.version,
        protocol: FEDERATION_PROTOCOL_VERSION,
        model_id: 'fake-model',
        instances: 3,
        load: { busy_instances: 0, capacity: 3, queued_requests: 0, max_queue: 8 },
      });
      expect(parsePeerHealth(body).ok).toBe(true);
    });

    it("includes the model file's sha256 when the node knows it", async () => {
      const hash = 'c0'.repeat(32);
      const hashed = await createFederatedApp(new FakeSwarm({ modelSha256: hash }));
      try {
        const body = (await hashed.fastify.inject({ method: 'GET', url: '/v1/federation/health' })).json<PeerHealthWire>();
        expect(body.model_sha256).toBe(hash);
        expect(parsePeerHealth(body).ok).toBe(true);
      } finally {
        await hashed.app.close();
      }
    });
  });

  describe('/v1/federation/peers', () => {
    it('lists no peers at first', async () => {
      const response = await fastify.inject({ method: 'GET', url: '/v1/federation/peers' });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual([]);
    });

    it.each<[string, unknown, string | null]>([
      ['a URL of another scheme', { address: 'https://10.0.0.1:17615' }, FederationErrorCode.INVALID_ADDRESS],
      ['a port out of range', { address: '10.0.0.1:70000' }, FederationErrorCode.INVALID_ADDRESS],
      ['an empty address', { address: '' }, FederationErrorCode.INVALID_ADDRESS],
      ['an address that is not a string', { address: 17615 }, null],
      ['no address', {}, null],
    ])('refuses %s with 400', async (_label, payload, code) => {
      const response = await post('/v1/federation/peers', payload);
      expectOpenAiError(response, 400, { type: 'invalid_request_error', param: 'address', code });
      expect(directory.list()).toEqual([]);
    });

    it('adds a peer that answers /v1/federation/health: 201, then listed, then removable', async () => {
      const peer = await track(startHealthyPeer('node-peer'));
      const response = await post('/v1/federation/peers', { address: `127.0.0.1:${peer.port}` });
      expect(response.statusCode).toBe(201);
      const added = response.json<PeerStatusWire>();
      expect(added).toMatchObject({ node_id: 'node-peer', address: '127.0.0.1', port: peer.port, source: 'manual', status: 'healthy', failures: 0, model_id: 'peer-model', instances: 3 });
      expect(parsePeerStatus(added).ok).toBe(true);
      expect(peer.requests.map((request) => `${request.method} ${request.url}`)).toContain('GET /v1/federation/health');

      const listed = await fastify.inject({ method: 'GET', url: '/v1/federation/peers' });
      expect(listed.json()).toEqual([added]);

      const removed = await fastify.inject({ method: 'DELETE', url: '/v1/federation/peers/node-peer' });
      expect(removed.statusCode).toBe(204);
      expect(removed.payload).toBe('');
      expect((await fastify.inject({ method: 'GET', url: '/v1/federation/peers' })).json()).toEqual([]);

      const again = await fastify.inject({ method: 'DELETE', url: '/v1/federation/peers/node-peer' });
      expectOpenAiError(again, 404, { type: 'not_found_error', param: 'node_id', code: 'peer_not_found' });
    });

    it('refuses an address where nothing answers, and does not list it', async () => {
      const port = await closedPort();
      const response = await post('/v1/federation/peers', { address: `127.0.0.1:${port}` });
      const error = expectOpenAiError(response, 400, { type: 'invalid_request_error', param: 'address', code: 'peer_unreachable' });
      expect(error.message).toBe('no Local Swarm peer answered at that address');
      expect((await fastify.inject({ method: 'GET', url: '/v1/federation/peers' })).json()).toEqual([]);
    });

    it('refuses a server that answers health with something else', async () => {
      const server = await track(startTestHttpServer((_request, response) => sendJson(response, 200, { status: 'ok' })));
      const response = await post('/v1/federation/peers', { address: `127.0.0.1:${server.port}` });
      expectOpenAiError(response, 400, { param: 'address', code: 'peer_unreachable', message: 'no Local Swarm peer answered at that address' });
      expect(directory.list()).toEqual([]);
    });

    it('adds and removes an OpenAI-compatible server (its id, with slashes, URL-encoded)', async () => {
      const server = await track(
        startTestHttpServer((request, response) => {
          if (request.url === '/v1/models') sendJson(response, 200, { object: 'list', data: [{ id: 'llama', object: 'model' }] });
          else sendJson(response, 404, { error: { message: 'no' } });
        }),
      );
      const response = await post('/v1/federation/peers', { address: `openai+${server.url}/v1` });
      expect(response.statusCode).toBe(201);
      const nodeId = openAiPeerId(`${server.url}/v1`);
      expect(response.json()).toMatchObject({ node_id: nodeId, source: 'openai', status: 'healthy', model_id: 'llama' });
      const removed = await fastify.inject({ method: 'DELETE', url: `/v1/federation/peers/${encodeURIComponent(nodeId)}` });
      expect(removed.statusCode).toBe(204);
      expect(directory.list()).toEqual([]);
    });

    it('returns 404 for an unknown node id', async () => {
      expectOpenAiError(await fastify.inject({ method: 'DELETE', url: '/v1/federation/peers/nobody' }), 404, { code: 'peer_not_found' });
    });
  });

  describe('GET /health', () => {
    it('counts the peers of the directory', async () => {
      const empty = await fastify.inject({ method: 'GET', url: '/health' });
      expect(empty.json()).toMatchObject({ status: 'ok', peers: { total: 0, healthy: 0, unhealthy: 0, expired: 0 } });

      const peer = await track(startHealthyPeer('node-peer'));
      expect((await post('/v1/federation/peers', { address: `127.0.0.1:${peer.port}` })).statusCode).toBe(201);
      directory.seen({ nodeId: 'node-mdns', name: 'mdns peer', address: '127.0.0.9', port: 1, modelId: null, instances: null, lastSeen: Date.now() });
      directory.seen({ nodeId: 'node-old', name: 'old peer', address: '127.0.0.8', port: 1, modelId: null, instances: null, lastSeen: 0 });
      directory.expired('node-old');

      const response = await fastify.inject({ method: 'GET', url: '/health' });
      expect(response.json()).toMatchObject({ peers: { total: 3, healthy: 1, unhealthy: 1, expired: 1 } });
    });
  });
});

describe('app lifecycle', () => {
  it('stops the health checks when the app closes', async () => {
    const peer = await track(startHealthyPeer('node-peer'));
    const { app, directory } = await createFederatedApp(new FakeSwarm(), { config: federationConfig({ peers: [`127.0.0.1:${peer.port}`], healthIntervalMs: 200 }) });
    try {
      expect(directory.start()).toEqual({ ok: true });
      await waitFor(() => peer.requests.length >= 3);
    } finally {
      await app.close();
    }
    const seen = peer.requests.length;
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(peer.requests.length).toBe(seen);
  });
});

describe('federation between two in-process nodes over real HTTP', () => {
  let peerSwarm: FakeSwarm;
  let peerApp: NestFastifyApplication;
  let peerUrl: string;
  let originSwarm: FakeSwarm;
  let origin: Awaited<ReturnType<typeof createFederatedApp>>;

  beforeAll(async () => {
    peerSwarm = new FakeSwarm({ candidates: [{ text: 'six', score: -0.2 }, { text: 'six', score: -0.3 }, { text: 'six', score: -0.4 }] });
    ({ app: peerApp } = await createFederatedApp(peerSwarm, { nodeId: 'node-peer' }));
    await peerApp.listen(0, '127.0.0.1');
    const address = peerApp.getHttpServer().address() as AddressInfo;
    peerUrl = `http://127.0.0.1:${address.port}`;
    originSwarm = new FakeSwarm();
    origin = await createFederatedApp(originSwarm, { nodeId: 'node-origin', config: federationConfig({ peers: [`127.0.0.1:${address.port}`] }) });
  });

  afterAll(async () => {
    await origin.app.close();
    await peerApp.close();
  });

  it("a PeerCandidateSource gets the other node's votes", async () => {
    const failures: string[] = [];
    const source = new PeerCandidateSource('node-peer', new FederationClient({ baseUrl: peerUrl, allowLoopback: true }), 'node-origin', 5000, {
      onPeerFailure: (_nodeId, error) => failures.push(error.message),
      onPeerSuccess: () => undefined,
      // The peer advertises 3 instances: it is asked for 3 candidates.
    }, () => ({ instances: 3, modelSha256: null }));
    const outcome = await source.generate({ prompt: { kind: 'text', text: 'x' }, maxTokens: 8, candidates: 3, seed: 1 }, { signal: new AbortController().signal, elapsedMs: () => 5 });
    expect(failures).toEqual([]);
    if (!outcome.ok) throw new Error(outcome.failure.message);
    expect(outcome.candidates.map((candidate) => [candidate.text, candidate.source, candidate.model])).toEqual([
      ['six', 'node-peer', 'fake-model'],
      ['six', 'node-peer', 'fake-model'],
      ['six', 'node-peer', 'fake-model'],
    ]);
    expect(peerSwarm.requests.at(-1)?.seed).toBe(nodeSeed(1, 'node-peer'));
  });

  it('a chat completion in vote mode counts the peer node\'s candidates', async () => {
    expect(origin.directory.start()).toEqual({ ok: true });
    await waitFor(() => origin.directory.counts().healthy === 1);
    expect(origin.directory.list()[0]).toMatchObject({ node_id: 'node-peer', status: 'healthy' });

    const response = await origin.fastify.inject({
      method: 'POST',
      url: '/v1/chat/completions',
      payload: { messages: [{ role: 'user', content: 'What is 2 + 3?' }] },
    });
    expect(response.statusCode).toBe(200);
    const body = response.json<{ choices: { message: { content: string } }[]; consensus: { candidates: { text: string; source: string }[] } }>();
    const sources = body.consensus.candidates.map((candidate) => candidate.source);
    expect(sources.filter((source) => source === 'local')).toHaveLength(3);
    expect(sources.filter((source) => source === 'node-peer')).toHaveLength(3);
    // 4 votes for "six" (3 from the peer, 1 local) beat 2 for "5".
    expect(body.choices[0]?.message.content).toBe('six');
  });
});
