import type { PeerHealthWire } from '../dto/peer-health.dto';
import type { VoteRequestWire } from '../dto/vote-request.dto';
import type { VoteResponseWire } from '../dto/vote-response.dto';
import { FEDERATION_PROTOCOL_VERSION } from '../protocol/protocol-constants';

/** A valid vote request body, every optional field included. */
export function voteRequestWire(): VoteRequestWire {
  return {
    protocol: FEDERATION_PROTOCOL_VERSION,
    request_id: 'req-1',
    origin_node_id: 'node-origin',
    hops: 1,
    deadline_ms: 30_000,
    prompt: {
      kind: 'chat',
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'What is 2 + 2?' },
      ],
    },
    max_tokens: 64,
    temperature: 0.7,
    top_p: 0.95,
    seed: 42,
    stop: ['\n\n'],
    json: false,
    candidates: 3,
  };
}

export function voteResponseWire(nodeId = 'node-peer'): VoteResponseWire {
  const vote = (sequence: number, text: string, score: number | null) => ({
    text,
    score,
    finish_reason: 'stop' as const,
    completion_tokens: 3,
    latency_ms: 120.5,
    node_id: nodeId,
    model_id: 'qwen2.5-0.5b-instruct-q4_k_m',
    sequence,
  });
  return {
    protocol: FEDERATION_PROTOCOL_VERSION,
    node_id: nodeId,
    model_id: 'qwen2.5-0.5b-instruct-q4_k_m',
    votes: [vote(0, 'The answer is 4.', -0.2), vote(1, '4', null)],
    usage: { prompt_tokens: 20, completion_tokens: 6 },
  };
}

export function peerHealthWire(nodeId = 'node-peer'): PeerHealthWire {
  return {
    node_id: nodeId,
    version: '0.1.0',
    protocol: FEDERATION_PROTOCOL_VERSION,
    model_id: 'qwen2.5-0.5b-instruct-q4_k_m',
    instances: 3,
    load: { busy_instances: 1, capacity: 3, queued_requests: 0, max_queue: 16 },
  };
}

/** A deep copy with `path` (like `votes.0.score`) set to `value`; `undefined` deletes the field. */
export function withField<T extends object>(body: T, path: string, value: unknown): Record<string, unknown> {
  // A JSON round trip, not structuredClone: under jest, structuredClone builds objects of another
  // realm, which class-transformer's `instanceof Object` checks do not recognise.
  const copy = JSON.parse(JSON.stringify(body)) as Record<string, unknown>;
  const keys = path.split('.');
  const last = keys.pop();
  if (last === undefined) throw new Error('empty path');
  let target: Record<string, unknown> = copy;
  for (const key of keys) {
    const next = target[key];
    if (typeof next !== 'object' || next === null) throw new Error(`no object at ${key} of ${path}`);
    target = next as Record<string, unknown>;
  }
  if (value === undefined) delete target[last];
  else target[last] = value;
  return copy;
}
