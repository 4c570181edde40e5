import { FederationErrorCode } from '../errors/federation-error';
import { FEDERATION_PROTOCOL_VERSION } from '../protocol/protocol-constants';
import { peerHealthWire, voteRequestWire, voteResponseWire, withField } from '../testing/wire-fixtures';
import {
  parseAddPeer,
  parsePeerHealth,
  parsePeerStatus,
  parseVoteRequest,
  parseVoteResponse,
  peerHealthToWire,
  voteRequestToWire,
  voteResponseToWire,
} from './parse-messages';

const INVALID = FederationErrorCode.INVALID_MESSAGE;
type Case = readonly [path: string, value: unknown, param: string];

function expectInvalid(result: ReturnType<typeof parseVoteRequest> | ReturnType<typeof parseVoteResponse> | ReturnType<typeof parsePeerHealth>, param: string | null, code: string = INVALID): void {
  if (result.ok) throw new Error(`expected a failure at ${String(param)}`);
  expect(result.error.code).toBe(code);
  expect(result.error.param).toBe(param);
  expect(result.error.message.length).toBeGreaterThan(0);
}

describe('parseVoteRequest', () => {
  it('maps a full valid body to camelCase', () => {
    const result = parseVoteRequest(voteRequestWire());
    expect(result).toEqual({
      ok: true,
      value: {
        protocol: FEDERATION_PROTOCOL_VERSION,
        requestId: 'req-1',
        originNodeId: 'node-origin',
        hops: 1,
        deadlineMs: 30_000,
        prompt: {
          kind: 'chat',
          messages: [
            { role: 'system', content: 'Be brief.' },
            { role: 'user', content: 'What is 2 + 2?' },
          ],
        },
        maxTokens: 64,
        temperature: 0.7,
        topP: 0.95,
        seed: 42,
        stop: ['\n\n'],
        json: false,
        candidates: 3,
      },
    });
  });

  it('accepts a minimal text prompt; absent and null optionals are left out', () => {
    const body = {
      protocol: 1,
      request_id: 'r',
      origin_node_id: 'o',
      hops: 0,
      deadline_ms: 1,
      prompt: { kind: 'text', text: '' },
      max_tokens: 1,
      temperature: null,
      seed: null,
      extra_field_from_a_newer_peer: true,
    };
    const result = parseVoteRequest(body);
    expect(result).toEqual({
      ok: true,
      value: {
        protocol: 1,
        requestId: 'r',
        originNodeId: 'o',
        hops: 0,
        deadlineMs: 1,
        prompt: { kind: 'text', text: '' },
        maxTokens: 1,
      },
    });
  });

  it('accepts the limits themselves', () => {
    const body = {
      ...voteRequestWire(),
      request_id: 'r'.repeat(128),
      deadline_ms: 600_000,
      max_tokens: 131_072,
      temperature: 2,
      top_p: 0,
      seed: 2 ** 32 - 1,
      stop: ['a', 'b', 'c', 'd'],
      candidates: 64,
      prompt: { kind: 'chat', messages: Array.from({ length: 256 }, () => ({ role: 'user', content: 'x' })) },
    };
    expect(parseVoteRequest(body).ok).toBe(true);
  });

  const cases: readonly Case[] = [
    ['protocol', 'one', 'protocol'],
    ['protocol', 0, 'protocol'],
    ['protocol', 1.5, 'protocol'],
    ['protocol', undefined, 'protocol'],
    ['request_id', 5, 'request_id'],
    ['request_id', '', 'request_id'],
    ['request_id', 'r'.repeat(129), 'request_id'],
    ['request_id', undefined, 'request_id'],
    ['origin_node_id', 7, 'origin_node_id'],
    ['origin_node_id', '', 'origin_node_id'],
    ['origin_node_id', 'n'.repeat(257), 'origin_node_id'],
    ['hops', -1, 'hops'],
    ['hops', 0.5, 'hops'],
    ['hops', '1', 'hops'],
    ['hops', undefined, 'hops'],
    ['deadline_ms', 0, 'deadline_ms'],
    ['deadline_ms', 600_001, 'deadline_ms'],
    ['deadline_ms', 1.5, 'deadline_ms'],
    ['deadline_ms', '1000', 'deadline_ms'],
    ['prompt', undefined, 'prompt'],
    ['prompt', null, 'prompt'],
    ['prompt', 'hello', 'prompt'],
    ['prompt', { kind: 'image', url: 'x' }, 'prompt.kind'],
    ['prompt', { text: 'no kind' }, 'prompt.kind'],
    ['prompt', { kind: 'chat' }, 'prompt.messages'],
    ['prompt', { kind: 'chat', messages: [] }, 'prompt.messages'],
    ['prompt', { kind: 'chat', messages: 'hi' }, 'prompt.messages'],
    ['prompt', { kind: 'chat', messages: Array.from({ length: 257 }, () => ({ role: 'user', content: 'x' })) }, 'prompt.messages'],
    ['prompt.messages.1.role', 'function', 'prompt.messages[1].role'],
    ['prompt.messages.1.role', 'tool', 'prompt.messages[1].tool_call_id'],
    ['prompt.messages.0.tool_calls', [{ id: 'call_1', name: 'f', arguments: '{}' }], 'prompt.messages[0].tool_calls'],
    ['prompt.messages.0.tool_call_id', 'call_1', 'prompt.messages[0].tool_call_id'],
    ['prompt.messages.1.role', undefined, 'prompt.messages[1].role'],
    ['prompt.messages.0.content', 5, 'prompt.messages[0].content'],
    ['prompt.messages.0.content', null, 'prompt.messages[0].content'],
    ['prompt.messages.1', 'hi', 'prompt.messages[1]'],
    ['prompt', { kind: 'text' }, 'prompt.text'],
    ['prompt', { kind: 'text', text: 5 }, 'prompt.text'],
    ['max_tokens', 0, 'max_tokens'],
    ['max_tokens', 131_073, 'max_tokens'],
    ['max_tokens', 1.5, 'max_tokens'],
    ['max_tokens', '64', 'max_tokens'],
    ['max_tokens', undefined, 'max_tokens'],
    ['temperature', -0.1, 'temperature'],
    ['temperature', 2.01, 'temperature'],
    ['temperature', 'hot', 'temperature'],
    ['top_p', 1.01, 'top_p'],
    ['top_p', -1, 'top_p'],
    ['top_p', true, 'top_p'],
    ['seed', -1, 'seed'],
    ['seed', 2 ** 32, 'seed'],
    ['seed', 1.5, 'seed'],
    ['stop', 'END', 'stop'],
    ['stop', ['a', 'b', 'c', 'd', 'e'], 'stop'],
    ['stop', [1], 'stop'],
    ['stop', [''], 'stop'],
    ['json', 'true', 'json'],
    ['json', 1, 'json'],
    ['candidates', 0, 'candidates'],
    ['candidates', 65, 'candidates'],
    ['candidates', 2.5, 'candidates'],
  ];

  it.each(cases)('refuses %s = %p (param %s)', (path, value, param) => {
    expectInvalid(parseVoteRequest(withField(voteRequestWire(), path, value)), param);
  });

  it.each([null, [], 'body', 42, undefined])('refuses a body that is not an object: %p', (body) => {
    expectInvalid(parseVoteRequest(body), null);
  });

  it('refuses another protocol version before looking at the shape', () => {
    expectInvalid(parseVoteRequest({ protocol: 2, totally: 'different' }), 'protocol', FederationErrorCode.VERSION_MISMATCH);
  });

  it('refuses a forwarded request (hops > MAX_VOTE_HOPS)', () => {
    expectInvalid(parseVoteRequest(withField(voteRequestWire(), 'hops', 2)), 'hops', FederationErrorCode.HOPS_EXCEEDED);
  });

  it('round-trips through voteRequestToWire', () => {
    const parsed = parseVoteRequest(voteRequestWire());
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(voteRequestToWire(parsed.value, parsed.value.deadlineMs)).toEqual(voteRequestWire());
  });

  it('carries a tool round trip: an assistant turn that called a tool, then the tool result', () => {
    const messages = [
      { role: 'user', content: 'Weather in Paris?' },
      { role: 'assistant', content: '', tool_calls: [{ id: 'call_1', name: 'get_weather', arguments: '{"city":"Paris"}' }] },
      { role: 'tool', content: '{"temp":21}', tool_call_id: 'call_1' },
    ];
    const wire = { ...voteRequestWire(), prompt: { kind: 'chat', messages } };
    const parsed = parseVoteRequest(wire);
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(parsed.value.prompt).toEqual({
      kind: 'chat',
      messages: [
        { role: 'user', content: 'Weather in Paris?' },
        { role: 'assistant', content: '', toolCalls: [{ id: 'call_1', name: 'get_weather', arguments: '{"city":"Paris"}' }] },
        { role: 'tool', content: '{"temp":21}', toolCallId: 'call_1' },
      ],
    });
    expect(voteRequestToWire(parsed.value, parsed.value.deadlineMs)).toEqual(wire);
  });

  it('voteRequestToWire defaults hops to 1 and clamps the deadline to 1..600000', () => {
    const request = { requestId: 'r', originNodeId: 'o', prompt: { kind: 'text', text: 't' }, maxTokens: 5 } as const;
    const low = voteRequestToWire({ ...request, originNodeId: request.originNodeId as never }, 0.2);
    const high = voteRequestToWire({ ...request, originNodeId: request.originNodeId as never }, 10_000_000);
    expect(low).toEqual({ protocol: 1, request_id: 'r', origin_node_id: 'o', hops: 1, deadline_ms: 1, prompt: { kind: 'text', text: 't' }, max_tokens: 5 });
    expect(high.deadline_ms).toBe(600_000);
  });
});

describe('parseVoteResponse', () => {
  it('never throws, even for a value nested deep enough to overflow the stack of the validation', () => {
    let deep: unknown = [];
    for (let level = 0; level < 200_000; level += 1) deep = [deep];
    expect(() => parseVoteResponse({ ...voteResponseWire(), votes: deep })).not.toThrow();
    expectInvalid(parseVoteResponse({ ...voteResponseWire(), extra: deep }), null);
  });
  it('maps a valid reply to camelCase', () => {
    const result = parseVoteResponse(voteResponseWire());
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value).toEqual({
      protocol: 1,
      nodeId: 'node-peer',
      modelId: 'qwen2.5-0.5b-instruct-q4_k_m',
      votes: [
        { text: 'The answer is 4.', score: -0.2, finishReason: 'stop', completionTokens: 3, latencyMs: 120.5, nodeId: 'node-peer', modelId: 'qwen2.5-0.5b-instruct-q4_k_m', sequence: 0 },
        { text: '4', score: null, finishReason: 'stop', completionTokens: 3, latencyMs: 120.5, nodeId: 'node-peer', modelId: 'qwen2.5-0.5b-instruct-q4_k_m', sequence: 1 },
      ],
      usage: { promptTokens: 20, completionTokens: 6 },
    });
    expect(voteResponseToWire(result.value)).toEqual(voteResponseWire());
  });

  it('accepts no votes, a score of 0, and text with a lone surrogate', () => {
    expect(parseVoteResponse({ ...voteResponseWire(), votes: [] }).ok).toBe(true);
    expect(parseVoteResponse(withField(voteResponseWire(), 'votes.0.score', 0)).ok).toBe(true);
    expect(parseVoteResponse(withField(voteResponseWire(), 'votes.0.text', 'a\ud800b')).ok).toBe(true);
  });

  it('measures the 1 MiB text limit in UTF-8 bytes', () => {
    const atLimit = 'a'.repeat(1024 * 1024);
    const overInBytes = 'é'.repeat(600_000); // 600k chars, 1.2 MB of UTF-8
    expect(parseVoteResponse(withField(voteResponseWire(), 'votes.0.text', atLimit)).ok).toBe(true);
    expectInvalid(parseVoteResponse(withField(voteResponseWire(), 'votes.0.text', overInBytes)), 'votes[0].text');
  });

  const vote = voteResponseWire().votes[0];
  const cases: readonly Case[] = [
    ['protocol', '1', 'protocol'],
    ['node_id', undefined, 'node_id'],
    ['node_id', '', 'node_id'],
    ['model_id', 3, 'model_id'],
    ['votes', undefined, 'votes'],
    ['votes', 'many', 'votes'],
    ['votes', Array.from({ length: 65 }, () => vote), 'votes'],
    ['votes.1', null, 'votes[1]'],
    ['votes.1', 'vote', 'votes[1]'],
    ['votes.0.text', 5, 'votes[0].text'],
    ['votes.0.text', undefined, 'votes[0].text'],
    ['votes.0.score', 0.5, 'votes[0].score'],
    ['votes.0.score', undefined, 'votes[0].score'],
    ['votes.0.score', '-0.1', 'votes[0].score'],
    ['votes.1.finish_reason', 'done', 'votes[1].finish_reason'],
    ['votes.0.completion_tokens', -1, 'votes[0].completion_tokens'],
    ['votes.0.completion_tokens', 1.5, 'votes[0].completion_tokens'],
    ['votes.0.latency_ms', -1, 'votes[0].latency_ms'],
    ['votes.0.latency_ms', 'fast', 'votes[0].latency_ms'],
    ['votes.0.node_id', undefined, 'votes[0].node_id'],
    ['votes.0.model_id', 5, 'votes[0].model_id'],
    ['votes.1.sequence', -1, 'votes[1].sequence'],
    ['usage', undefined, 'usage'],
    ['usage', 7, 'usage'],
    ['usage.prompt_tokens', -1, 'usage.prompt_tokens'],
    ['usage.completion_tokens', 'x', 'usage.completion_tokens'],
  ];

  it.each(cases)('refuses %s = %p (param %s)', (path, value, param) => {
    expectInvalid(parseVoteResponse(withField(voteResponseWire(), path, value)), param);
  });

  it('refuses another protocol version', () => {
    expectInvalid(parseVoteResponse({ ...voteResponseWire(), protocol: 2 }), 'protocol', FederationErrorCode.VERSION_MISMATCH);
  });
});

describe('parsePeerHealth', () => {
  it('maps a valid reply', () => {
    const result = parsePeerHealth(peerHealthWire());
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value).toEqual({
      nodeId: 'node-peer',
      version: '0.1.0',
      protocol: 1,
      modelId: 'qwen2.5-0.5b-instruct-q4_k_m',
      instances: 3,
      load: { busyInstances: 1, capacity: 3, queuedRequests: 0, maxQueue: 16 },
    });
    expect(peerHealthToWire(result.value)).toEqual(peerHealthWire());
  });

  const cases: readonly Case[] = [
    ['node_id', undefined, 'node_id'],
    ['version', 1, 'version'],
    ['protocol', '1', 'protocol'],
    ['model_id', '', 'model_id'],
    ['instances', -1, 'instances'],
    ['instances', 2.5, 'instances'],
    ['load', undefined, 'load'],
    ['load', [], 'load'],
    ['load.busy_instances', -1, 'load.busy_instances'],
    ['load.capacity', undefined, 'load.capacity'],
    ['load.queued_requests', 0.5, 'load.queued_requests'],
    ['load.max_queue', 'x', 'load.max_queue'],
  ];

  it.each(cases)('refuses %s = %p (param %s)', (path, value, param) => {
    expectInvalid(parsePeerHealth(withField(peerHealthWire(), path, value)), param);
  });

  it('refuses another protocol version', () => {
    expectInvalid(parsePeerHealth({ ...peerHealthWire(), protocol: 7 }), 'protocol', FederationErrorCode.VERSION_MISMATCH);
  });

  describe('model_sha256', () => {
    const digest = 'AB'.repeat(32);

    it('maps a 64-hex digest, lower-cased, and writes it back', () => {
      const result = parsePeerHealth({ ...peerHealthWire(), model_sha256: digest });
      if (!result.ok) throw new Error(result.error.message);
      expect(result.value.modelSha256).toBe(digest.toLowerCase());
      expect(peerHealthToWire(result.value).model_sha256).toBe(digest.toLowerCase());
    });

    it('is optional: absent stays absent', () => {
      const result = parsePeerHealth(peerHealthWire());
      expect(result.ok && 'modelSha256' in result.value).toBe(false);
    });

    it.each([['ab'.repeat(31)], ['ab'.repeat(33)], ['zz'.repeat(32)], [42], [null]])('refuses %p', (value) => {
      expectInvalid(parsePeerHealth({ ...peerHealthWire(), model_sha256: value }), 'model_sha256');
    });
  });
});

describe('parsePeerStatus and parseAddPeer', () => {
  const status = {
    node_id: 'n',
    name: 'peer',
    address: '192.168.1.5',
    port: 17615,
    source: 'mdns',
    status: 'healthy',
    last_seen: '2025-01-01T00:00:00.000Z',
    rtt_ms: 1.5,
    failures: 0,
    model_id: 'm',
    instances: 2,
    reason: null,
  };

  it('accepts a valid item, nulls included', () => {
    expect(parsePeerStatus(status).ok).toBe(true);
    expect(parsePeerStatus({ ...status, last_seen: null, rtt_ms: null, model_id: null, instances: null }).ok).toBe(true);
  });

  it('accepts a quarantined peer with its reason', () => {
    expect(parsePeerStatus({ ...status, status: 'quarantined', reason: 'quarantined for 30 s: 3 protocol violations' }).ok).toBe(true);
  });

  it.each([
    ['port', 0],
    ['source', 'bonjour'],
    ['status', 'dead'],
    ['last_seen', 'yesterday'],
    ['rtt_ms', -1],
    ['failures', 1.5],
    ['instances', -2],
  ])('refuses %s = %p', (field, value) => {
    const result = parsePeerStatus({ ...status, [field]: value });
    expect(result.ok ? null : result.error.param).toBe(field);
  });

  it('validates the add-peer body', () => {
    expect(parseAddPeer({ address: '192.168.1.5:17615' })).toEqual({ ok: true, value: expect.objectContaining({ address: '192.168.1.5:17615' }) });
    const result = parseAddPeer({ address: '' });
    expect(result.ok ? null : result.error.param).toBe('address');
  });
});
