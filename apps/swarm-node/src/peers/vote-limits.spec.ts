/**
 * POST /v1/federation/vote within this node's own limits: max_tokens and the deadline are clamped
 * (not refused), the asking peer's address is its queue key, and every vote, served or refused,
 * is a `vote-served` event.
 */
import { FEDERATION_PROTOCOL_VERSION, type VoteRequestWire } from '@local-swarm/federation-protocol';
import { SwarmErrorCode } from '@local-swarm/swarm-core';
import type { LightMyRequestResponse } from 'fastify';
import type { VoteServed } from '../observability/request-events';
import { FakeSwarm } from '../testing/fake-swarm';
import { createFederatedApp, federationConfig, type FederatedTestApp } from '../testing/federation-fixtures';
import { TEST_NODE_SETTINGS } from '../testing/test-node-settings';

const PEER_IP = '10.0.0.9';
const VOTE_TIMEOUT_MS = 1000;

function voteRequest(overrides: Partial<VoteRequestWire> = {}): VoteRequestWire {
  return {
    protocol: FEDERATION_PROTOCOL_VERSION,
    request_id: 'req-7',
    origin_node_id: 'node-origin',
    hops: 1,
    deadline_ms: 600_000,
    prompt: { kind: 'chat', messages: [{ role: 'user', content: 'What is 2 + 3?' }] },
    max_tokens: 100_000,
    ...overrides,
  };
}

describe('POST /v1/federation/vote within the node limits', () => {
  let swarm: FakeSwarm;
  let node: FederatedTestApp;
  let served: VoteServed[];

  beforeEach(async () => {
    swarm = new FakeSwarm();
    node = await createFederatedApp(swarm, { config: federationConfig({ voteTimeoutMs: VOTE_TIMEOUT_MS }) });
    served = [];
    node.events.on('vote-served', (event) => served.push(event));
  });

  afterEach(async () => {
    jest.restoreAllMocks();
    await node.app.close();
  });

  function vote(body: unknown): Promise<LightMyRequestResponse> {
    return node.fastify.inject({
      method: 'POST',
      url: '/v1/federation/vote',
      payload: JSON.stringify(body),
      headers: { 'content-type': 'application/json' },
      remoteAddress: PEER_IP,
    });
  }

  it("clamps max_tokens to the node's maxTokensLimit and says so in the vote-served event", async () => {
    const response = await vote(voteRequest());
    expect(response.statusCode).toBe(200);
    expect(swarm.requests.map((request) => request.maxTokens)).toEqual([TEST_NODE_SETTINGS.maxTokensLimit]);
    expect(served).toEqual([
      {
        requestId: 'req-7',
        originNodeId: 'node-origin',
        clientIp: PEER_IP,
        candidates: 3,
        durationMs: expect.any(Number),
        maxTokensAsked: 100_000,
        maxTokensGranted: TEST_NODE_SETTINGS.maxTokensLimit,
        error: null,
      },
    ]);
  });

  it("works no longer than the node's own vote timeout, whatever deadline the peer sends", async () => {
    const timeouts = jest.spyOn(AbortSignal, 'timeout');
    expect((await vote(voteRequest())).statusCode).toBe(200);
    expect(timeouts.mock.calls.map(([ms]) => ms)).toEqual([VOTE_TIMEOUT_MS]);
    timeouts.mockClear();
    expect((await vote(voteRequest({ deadline_ms: 300 }))).statusCode).toBe(200);
    expect(timeouts.mock.calls.map(([ms]) => ms)).toEqual([300]);
  });

  it("queues the vote under the asking peer's address", async () => {
    await vote(voteRequest());
    expect(swarm.requests.map((request) => request.clientKey)).toEqual([PEER_IP]);
  });

  it('reports refused votes too: an invalid body, another protocol, a full queue', async () => {
    expect((await vote({ nonsense: true })).statusCode).toBe(400);
    expect((await vote(voteRequest({ protocol: 999 }))).statusCode).toBe(400);
    swarm.failure = { code: SwarmErrorCode.QueueFull, message: 'busy', retryAfterSeconds: 2 };
    expect((await vote(voteRequest({ max_tokens: 16 }))).statusCode).toBe(429);
    expect(served.map(({ requestId, clientIp, candidates, maxTokensAsked, maxTokensGranted, error }) => ({ requestId, clientIp, candidates, maxTokensAsked, maxTokensGranted, error }))).toEqual([
      { requestId: '', clientIp: PEER_IP, candidates: 0, maxTokensAsked: 0, maxTokensGranted: 0, error: { status: 400, code: 'FEDERATION_ERR_INVALID_MESSAGE' } },
      { requestId: '', clientIp: PEER_IP, candidates: 0, maxTokensAsked: 0, maxTokensGranted: 0, error: { status: 400, code: 'FEDERATION_ERR_VERSION_MISMATCH' } },
      { requestId: 'req-7', clientIp: PEER_IP, candidates: 0, maxTokensAsked: 16, maxTokensGranted: 16, error: { status: 429, code: 'queue_full' } },
    ]);
  });
});

describe('POST /v1/federation/vote on a small context', () => {
  it('still refuses a prompt that does not fit even with the clamped max_tokens', async () => {
    const swarm = new FakeSwarm({ contextSize: 256 });
    const node = await createFederatedApp(swarm);
    try {
      const response = await node.fastify.inject({
        method: 'POST',
        url: '/v1/federation/vote',
        payload: JSON.stringify(voteRequest({ max_tokens: 4096 })),
        headers: { 'content-type': 'application/json' },
      });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ error: { code: 'context_length_exceeded' } });
      expect(swarm.requests).toHaveLength(0);
    } finally {
      await node.app.close();
    }
  });
});
