import {
  FEDERATION_PATHS,
  FEDERATION_PROTOCOL_VERSION,
  type PeerHealthWire,
  type PeerLoadWire,
  type PeerVoteWire,
  type VoteResponseWire,
} from '@local-swarm/federation-protocol';
import { sendJson, startTestHttpServer, type TestHttpServer } from './test-http-server';

export function peerLoadWire(overrides: Partial<PeerLoadWire> = {}): PeerLoadWire {
  return { busy_instances: 0, capacity: 3, queued_requests: 0, max_queue: 8, ...overrides };
}

/** A valid `GET /v1/federation/health` reply. */
export function peerHealthWire(nodeId: string, load: PeerLoadWire = peerLoadWire()): PeerHealthWire {
  return { node_id: nodeId, version: '0.1.0', protocol: FEDERATION_PROTOCOL_VERSION, model_id: 'peer-model', instances: load.capacity, load };
}

export function peerVoteWire(nodeId: string, sequence: number, text: string, overrides: Partial<PeerVoteWire> = {}): PeerVoteWire {
  return {
    text,
    score: -0.25,
    finish_reason: 'stop',
    completion_tokens: 4,
    latency_ms: 33,
    node_id: nodeId,
    model_id: 'peer-model',
    sequence,
    ...overrides,
  };
}

/** A valid `POST /v1/federation/vote` reply with two votes. */
export function voteResponseWire(nodeId: string, votes?: PeerVoteWire[]): VoteResponseWire {
  return {
    protocol: FEDERATION_PROTOCOL_VERSION,
    node_id: nodeId,
    model_id: 'peer-model',
    votes: votes ?? [peerVoteWire(nodeId, 0, 'four'), peerVoteWire(nodeId, 1, '4', { score: null, finish_reason: 'length', completion_tokens: 1 })],
    usage: { prompt_tokens: 21, completion_tokens: 5 },
  };
}

/** A federation peer that answers health checks as `nodeId` (and 404 to anything else). */
export function startHealthyPeer(nodeId: string, load?: PeerLoadWire): Promise<TestHttpServer> {
  return startTestHttpServer((request, response) => {
    if (request.method === 'GET' && request.url === FEDERATION_PATHS.health) sendJson(response, 200, peerHealthWire(nodeId, load));
    else sendJson(response, 404, { error: { message: 'not here', type: 'not_found_error', param: null, code: null } });
  });
}

/** An OpenAI-compatible server that lists one model at GET /v1/models (and 404 to anything else). */
export function startOpenAiServer(modelId = 'llama-3-8b'): Promise<TestHttpServer> {
  return startTestHttpServer((request, response) => {
    if (request.url === '/v1/models') sendJson(response, 200, { object: 'list', data: [{ id: modelId, object: 'model' }] });
    else sendJson(response, 404, { error: { message: 'no route' } });
  });
}

/** Resolves once `condition` holds; rejects after `timeoutMs`. */
export async function waitFor(condition: () => boolean, timeoutMs = 3000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
