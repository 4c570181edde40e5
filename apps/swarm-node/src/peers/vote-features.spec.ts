/**
 * POST /v1/federation/vote with an output schema, tools and sampling controls: the swarm generates
 * with them, and a schema or tool history this node could serve only in part is refused with
 * FEDERATION_ERR_INVALID_MESSAGE naming the field, before anything is generated.
 */
import { FEDERATION_PROTOCOL_VERSION, type VoteRequestWire } from '@local-swarm/federation-protocol';
import type { LightMyRequestResponse } from 'fastify';
import { FakeSwarm } from '../testing/fake-swarm';
import { createFederatedApp, type FederatedTestApp } from '../testing/federation-fixtures';

const SCHEMA = { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] };

function voteRequest(overrides: Partial<VoteRequestWire> = {}): VoteRequestWire {
  return {
    protocol: FEDERATION_PROTOCOL_VERSION,
    request_id: 'req-8',
    origin_node_id: 'node-origin',
    hops: 1,
    deadline_ms: 5000,
    prompt: { kind: 'chat', messages: [{ role: 'user', content: 'Weather in Paris?' }] },
    max_tokens: 16,
    format: { kind: 'json_schema', name: 'weather', schema: SCHEMA, strict: true },
    tools: { tools: [{ name: 'get_weather', parameters: SCHEMA }], choice: 'auto', parallel: false },
    controls: { presence_penalty: 0.5, logit_bias: { '42': -100 }, logprobs: { top: 2 } },
    ...overrides,
  };
}

describe('POST /v1/federation/vote with format, tools and controls', () => {
  let swarm: FakeSwarm;
  let node: FederatedTestApp;

  beforeEach(async () => {
    swarm = new FakeSwarm();
    node = await createFederatedApp(swarm);
  });

  afterEach(async () => {
    await node.app.close();
  });

  function vote(body: unknown): Promise<LightMyRequestResponse> {
    return node.fastify.inject({ method: 'POST', url: '/v1/federation/vote', payload: JSON.stringify(body), headers: { 'content-type': 'application/json' }, remoteAddress: '10.0.0.9' });
  }

  function expectRefused(response: LightMyRequestResponse, param: string): void {
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { param, code: 'FEDERATION_ERR_INVALID_MESSAGE' } });
    expect(swarm.requests).toEqual([]);
  }

  it('generates with the schema, the tools and the controls the origin sent', async () => {
    const response = await vote(voteRequest());
    expect(response.statusCode).toBe(200);
    expect(swarm.requests[0]).toMatchObject({
      format: { kind: 'json_schema', name: 'weather', schema: SCHEMA, strict: true },
      tools: { tools: [{ name: 'get_weather', parameters: SCHEMA }], choice: 'auto', parallel: false },
      controls: { presencePenalty: 0.5, logitBias: { 42: -100 }, logprobs: { top: 2 } },
    });
  });

  it('refuses a schema the output grammar cannot enforce', async () => {
    const format = { kind: 'json_schema' as const, name: 'x', schema: { type: 'string', pattern: '^P' }, strict: true };
    expectRefused(await vote(voteRequest({ format })), 'format.schema');
  });

  it("refuses a tool's parameters the consensus cannot compile", async () => {
    const tools = { tools: [{ name: 'f', parameters: { type: 'object', properties: { a: { type: 'string', maxLength: -1 } } } }], choice: 'auto' as const, parallel: true };
    expectRefused(await vote(voteRequest({ tools })), 'tools.tools[0].parameters');
  });

  it('refuses a tool result that answers no call', async () => {
    const prompt = { kind: 'chat' as const, messages: [{ role: 'user' as const, content: 'Hi' }, { role: 'tool' as const, content: '21', tool_call_id: 'call_9' }] };
    expectRefused(await vote(voteRequest({ prompt })), 'prompt.messages[1].tool_call_id');
  });

  it('refuses a named choice that names no offered tool', async () => {
    const tools = { tools: [{ name: 'f' }], choice: { name: 'g' }, parallel: true };
    expectRefused(await vote(voteRequest({ tools })), 'tools.choice.name');
  });
});
