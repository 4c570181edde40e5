/**
 * What an OpenAI-compatible peer is asked and answers beyond text: tools, a JSON Schema, penalties
 * and log-probabilities in OpenAI's own form, and the calls and log-probabilities it sends back.
 */
import { sendJson, startTestServer, type TestServer } from '../testing/test-server';
import type { OpenAiCompletionRequest } from '../messages/openai-completion';
import { parseChoices } from '../dto/parse-openai-completion';
import { OpenAiPeerClient } from './openai-peer-client';

const SCHEMA = { type: 'object', properties: { city: { type: 'string' } } };
const CHAT_LOGPROBS = { content: [{ token: 'Hi', logprob: -0.5, bytes: [72, 105], top_logprobs: [{ token: 'Hi', logprob: -0.5, bytes: [72, 105] }] }] };

describe('OpenAiPeerClient request features', () => {
  let server: TestServer;
  const bodies: Record<string, unknown>[] = [];
  let reply: Record<string, unknown> = {};

  beforeAll(async () => {
    server = await startTestServer((request, response) => {
      let text = '';
      request.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      request.on('end', () => {
        bodies.push(JSON.parse(text) as Record<string, unknown>);
        sendJson(response, 200, reply);
      });
    });
  });

  afterAll(async () => {
    await server.close();
  });

  beforeEach(() => {
    bodies.splice(0);
  });

  const client = (): OpenAiPeerClient => new OpenAiPeerClient({ allowLoopback: true, baseUrl: `${server.url}/v1` });
  const chat: OpenAiCompletionRequest = {
    model: 'm',
    maxTokens: 8,
    prompt: { kind: 'chat', messages: [{ role: 'user', content: 'Weather in Paris?' }] },
    json: true,
    format: { kind: 'json_schema', name: 'weather', schema: SCHEMA, strict: true },
    tools: { tools: [{ name: 'get_weather', description: 'Weather', parameters: SCHEMA }, { name: 'now' }], choice: { name: 'get_weather' }, parallel: false },
    controls: { presencePenalty: 0.5, frequencyPenalty: 0.25, logprobs: { top: 3 } },
  };

  it('sends tools, the schema, penalties and logprobs in the chat form, and reads calls and logprobs back', async () => {
    reply = {
      choices: [
        {
          message: { role: 'assistant', content: null, tool_calls: [{ id: 'call_x', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } }] },
          logprobs: CHAT_LOGPROBS,
          finish_reason: 'tool_calls',
        },
      ],
    };
    const result = await client().complete(chat, { deadlineMs: 2000 });
    expect(bodies[0]).toMatchObject({
      tools: [
        { type: 'function', function: { name: 'get_weather', description: 'Weather', parameters: SCHEMA } },
        { type: 'function', function: { name: 'now' } },
      ],
      tool_choice: { type: 'function', function: { name: 'get_weather' } },
      parallel_tool_calls: false,
      // The schema takes the place of plain JSON.
      response_format: { type: 'json_schema', json_schema: { name: 'weather', schema: SCHEMA, strict: true } },
      presence_penalty: 0.5,
      frequency_penalty: 0.25,
      logprobs: true,
      top_logprobs: 3,
    });
    expect(bodies[0]).not.toHaveProperty('logit_bias');
    expect(result.ok && result.value.choices).toEqual([
      {
        text: '',
        finishReason: 'stop',
        toolCalls: [{ name: 'get_weather', arguments: '{"city":"Paris"}' }],
        logprobs: [{ token: 'Hi', logprob: -0.5, bytes: [72, 105], top: [{ token: 'Hi', logprob: -0.5, bytes: [72, 105] }] }],
      },
    ]);
  });

  it('asks /completions for logprobs as a count, sends no tools there, and reads the legacy form', async () => {
    reply = { choices: [{ text: 'é', logprobs: { tokens: ['é'], token_logprobs: [-0.1], top_logprobs: [{ 'é': -0.1, e: -2.5 }] }, finish_reason: 'stop' }] };
    const result = await client().complete({ ...chat, prompt: { kind: 'text', text: 'x' } }, { deadlineMs: 2000 });
    expect(bodies[0]).toMatchObject({ logprobs: 3 });
    expect(bodies[0]).not.toHaveProperty('tools');
    expect(bodies[0]).not.toHaveProperty('top_logprobs');
    expect(result.ok && result.value.choices[0]?.logprobs).toEqual([
      { token: 'é', logprob: -0.1, bytes: [0xc3, 0xa9], top: [{ token: 'é', logprob: -0.1, bytes: [0xc3, 0xa9] }, { token: 'e', logprob: -2.5, bytes: [0x65] }] },
    ]);
  });
});

describe('parseChoices: tool calls and logprobs', () => {
  const choice = (message: Record<string, unknown>, extra: Record<string, unknown> = {}): unknown => ({ choices: [{ message, finish_reason: 'stop', ...extra }] });
  const call = { type: 'function', function: { name: 'f', arguments: '{}' } };

  it.each([
    ['a call without a function', { content: null, tool_calls: [{ type: 'function' }] }],
    ['a call with an empty name', { content: null, tool_calls: [{ function: { name: '', arguments: '{}' } }] }],
    ['arguments that are not text', { content: null, tool_calls: [{ function: { name: 'f', arguments: {} } }] }],
    ['more than 64 calls', { content: null, tool_calls: Array.from({ length: 65 }, () => call) }],
    ['null content without calls', { content: null }],
  ])('refuses a reply with %s', (_name, message) => {
    expect(parseChoices(choice(message), 'chat')).toBeNull();
  });

  it.each([
    ['a positive logprob', { content: [{ token: 'a', logprob: 0.5 }] }],
    ['more than 20 alternatives', { content: [{ token: 'a', logprob: -1, top_logprobs: Array.from({ length: 21 }, () => ({ token: 'a', logprob: -1 })) }] }],
    ['a byte above 255', { content: [{ token: 'a', logprob: -1, bytes: [300] }] }],
    ['a legacy form of unequal lengths', { tokens: ['a', 'b'], token_logprobs: [-1] }],
  ])('keeps the choice but drops logprobs with %s', (_name, logprobs) => {
    const parsed = parseChoices(choice({ content: 'a' }, { logprobs }), 'chat');
    expect(parsed).toEqual([{ text: 'a', finishReason: 'stop' }]);
  });
});
