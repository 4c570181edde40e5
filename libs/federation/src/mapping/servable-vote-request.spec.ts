import { FederationErrorCode, FEDERATION_PROTOCOL_VERSION, type VoteRequestWire } from '@local-swarm/federation-protocol';
import { parseServableVoteRequest } from './servable-vote-request';

const SCHEMA = { type: 'object', properties: { city: { type: 'string' } } };

function body(overrides: Partial<VoteRequestWire> = {}): VoteRequestWire {
  return {
    protocol: FEDERATION_PROTOCOL_VERSION,
    request_id: 'req-1',
    origin_node_id: 'node-origin',
    hops: 1,
    deadline_ms: 5000,
    prompt: { kind: 'chat', messages: [{ role: 'user', content: 'Weather in Paris?' }] },
    max_tokens: 16,
    format: { kind: 'json_schema', name: 'weather', schema: SCHEMA, strict: true },
    tools: { tools: [{ name: 'get_weather', parameters: SCHEMA }], choice: 'auto', parallel: true },
    ...overrides,
  };
}

function refusal(wire: unknown): { readonly param: string | null; readonly message: string } {
  const result = parseServableVoteRequest(wire);
  if (result.ok) throw new Error('expected a refusal');
  expect(result.error.code).toBe(FederationErrorCode.INVALID_MESSAGE);
  return result.error;
}

describe('parseServableVoteRequest', () => {
  it('accepts a request whose schemas and tool turns this node can serve', () => {
    expect(parseServableVoteRequest(body()).ok).toBe(true);
  });

  it('refuses what parseVoteRequest refuses, with its code', () => {
    const result = parseServableVoteRequest({ ...body(), hops: 2 });
    expect(!result.ok && result.error.code).toBe(FederationErrorCode.HOPS_EXCEEDED);
  });

  it("refuses a format schema the output grammar cannot enforce, naming the keyword", () => {
    const schema = { type: 'string', pattern: '^a' };
    const error = refusal(body({ format: { kind: 'json_schema', name: 'x', schema, strict: true } }));
    expect(error.param).toBe('format.schema');
    expect(error.message).toContain('pattern');
  });

  it('refuses a schema consensus cannot compile', () => {
    const schema = { type: 'object', properties: { a: { type: 'string', minLength: 'three' } } };
    expect(refusal(body({ format: { kind: 'json_schema', name: 'x', schema, strict: true } })).param).toBe('format.schema');
  });

  it("refuses a tool's parameters the grammar cannot enforce", () => {
    const tools = { tools: [{ name: 'ok' }, { name: 'bad', parameters: { type: 'object', properties: { n: { type: 'number', minimum: 1 } } } }], choice: 'auto' as const, parallel: true };
    expect(refusal(body({ tools })).param).toBe('tools.tools[1].parameters');
  });

  it('refuses tools whose parameters together exceed the engine limit', () => {
    const parameters = { type: 'object', properties: { a: { type: 'string', description: 'x'.repeat(40_000) } } };
    const tools = { tools: [{ name: 'a', parameters }, { name: 'b', parameters }], choice: 'auto' as const, parallel: true };
    expect(refusal(body({ tools })).param).toBe('tools.tools');
  });

  it('refuses a chat whose tool turns do not pair up, naming the prompt message', () => {
    const messages = [
      { role: 'user' as const, content: 'Weather?' },
      { role: 'assistant' as const, content: '', tool_calls: [{ id: 'call_1', name: 'get_weather', arguments: '{}' }] },
      { role: 'tool' as const, content: '21', tool_call_id: 'call_2' },
    ];
    const error = refusal(body({ prompt: { kind: 'chat', messages } }));
    expect(error.param).toBe('prompt.messages[2].tool_call_id');
    expect(error.message).toMatch(/^prompt\.messages\[2\]\.tool_call_id: /);
  });
});
