import 'reflect-metadata';
import { MAX_TOOL_SCHEMA_BYTES, MAX_TOOLS } from '@local-swarm/swarm-core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { createFakeSwarmApp } from '../testing/create-test-app';
import { FakeSwarm } from '../testing/fake-swarm';

const USER = [{ role: 'user', content: 'Weather in Paris?' }];
const CITY = { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] };
const WEATHER_TOOL = { type: 'function', function: { name: 'get_weather', description: 'Weather of a city', parameters: CITY } };
const CALLED = { id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } };

interface ErrorJson {
  error: { message: string; param: string | null; code: string | null };
}

describe('OpenAI request fields: tools, formats, logprobs, penalties (in-process, fake swarm)', () => {
  let swarm: FakeSwarm;
  let app: NestFastifyApplication;
  let fastify: FastifyInstance;

  beforeAll(async () => {
    swarm = new FakeSwarm();
    const created = await createFakeSwarmApp(swarm);
    ({ app, fastify } = created);
  });

  afterAll(async () => {
    await app.close();
  });

  beforeEach(() => {
    swarm.requests.length = 0;
  });

  const post = (url: string, payload: unknown): Promise<LightMyRequestResponse> =>
    fastify.inject({ method: 'POST', url, payload: JSON.stringify(payload), headers: { 'content-type': 'application/json' } });
  const chat = (extra: Record<string, unknown>): Promise<LightMyRequestResponse> => post('/v1/chat/completions', { messages: USER, ...extra });

  it.each<[string, Record<string, unknown>, string, RegExp]>([
    ['a tool of another type', { tools: [{ type: 'retrieval', function: WEATHER_TOOL.function }] }, 'tools[0].type', /type must be "function"/],
    ['a bad function name', { tools: [{ type: 'function', function: { name: 'get weather' } }] }, 'tools[0].function.name', /letters, digits/],
    ['parameters that are not an object', { tools: [{ type: 'function', function: { name: 'f', parameters: 'x' } }] }, 'tools[0].function.parameters', /JSON Schema object/],
    ['too many tools', { tools: Array.from({ length: MAX_TOOLS + 1 }, (_, i) => ({ type: 'function', function: { name: `f${i}` } })) }, 'tools', /at most 128/],
    ['schemas over the byte limit', { tools: [{ type: 'function', function: { name: 'f', parameters: { type: 'object', description: 'x'.repeat(MAX_TOOL_SCHEMA_BYTES) } } }] }, 'tools', /bytes/],
    ['a duplicated function name', { tools: [WEATHER_TOOL, WEATHER_TOOL] }, 'tools[1].function.name', /offered twice/],
    ['a tool_choice naming no offered tool', { tools: [WEATHER_TOOL], tool_choice: { type: 'function', function: { name: 'get_time' } } }, 'tool_choice', /get_time/],
    ['a malformed tool_choice', { tools: [WEATHER_TOOL], tool_choice: 'always' }, 'tool_choice', /tool_choice must be/],
    ['tool_choice required without tools', { tool_choice: 'required' }, 'tool_choice', /offers no tools/],
    ['tools and functions together', { tools: [WEATHER_TOOL], functions: [WEATHER_TOOL.function] }, 'functions', /not both/],
    ['a function_call naming no function', { functions: [WEATHER_TOOL.function], function_call: { name: 'nope' } }, 'function_call', /nope/],
    ['an unenforceable keyword in tool parameters', { tools: [{ type: 'function', function: { name: 'f', parameters: { type: 'object', properties: { a: { type: 'string', pattern: '^a' } } } } }] }, 'tools[0].function.parameters', /"pattern" at JSON pointer "\/properties\/a"/],
    ['an invalid schema', { response_format: { type: 'json_schema', json_schema: { name: 's', schema: { type: 'thing' } } } }, 'response_format.json_schema.schema', /response_format\.json_schema\.schema/],
    ['json_schema without its schema', { response_format: { type: 'json_schema' } }, 'response_format.json_schema', /json_schema must be an object/],
    ['top_logprobs without logprobs', { top_logprobs: 3 }, 'top_logprobs', /logprobs must be true/],
    ['top_logprobs 21', { logprobs: true, top_logprobs: 21 }, 'top_logprobs', /not be greater than 20/],
    ['presence_penalty 3', { presence_penalty: 3 }, 'presence_penalty', /not be greater than 2/],
    ['a logit_bias of 101', { logit_bias: { '5': 101 } }, 'logit_bias', /-100\.\.100/],
    ['a logit_bias key that is no integer', { logit_bias: { abc: 1 } }, 'logit_bias', /token ids/],
    ['a logit_bias id beyond the vocabulary', { logit_bias: { '1000': 5 } }, 'logit_bias.1000', /not in this model's vocabulary \(ids 0\.\.999\)/],
    ['a logit_bias on an end-of-generation token', { logit_bias: { '2': 5 } }, 'logit_bias.2', /ends generation/],
    ['audio', { audio: { voice: 'alloy', format: 'wav' } }, 'audio', /not supported/],
    ['modalities with audio', { modalities: ['text', 'audio'] }, 'modalities', /only \["text"\]/],
    ['prediction', { prediction: { type: 'content', content: 'x' } }, 'prediction', /not supported/],
    ['web_search_options', { web_search_options: {} }, 'web_search_options', /not supported/],
    ['reasoning_effort', { reasoning_effort: 'low' }, 'reasoning_effort', /not supported/],
    ['a tool message answering no call', { messages: [...USER, { role: 'tool', tool_call_id: 'x', content: '20C' }] }, 'messages[1].tool_call_id', /answers no tool call/],
    ['a call left unanswered', { messages: [...USER, { role: 'assistant', content: null, tool_calls: [CALLED] }, { role: 'user', content: 'and?' }] }, 'messages[2]', /no tool message answering it/],
    ['an assistant message with null content and no calls', { messages: [...USER, { role: 'assistant', content: null }] }, 'messages[1].content', /content must be/],
  ])('refuses %s with 400 naming the field', async (_label, extra, param, message) => {
    const response = await chat(extra);
    expect(response.statusCode).toBe(400);
    const body = response.json<ErrorJson>();
    expect(body.error.param).toBe(param);
    expect(body.error.message).toMatch(message);
    expect(swarm.requests).toHaveLength(0);
  });

  it('accepts harmless metadata and modalities ["text"]', async () => {
    const response = await chat({ user: 'u1', store: false, metadata: { a: 'b' }, service_tier: 'auto', modalities: ['text'] });
    expect(response.statusCode).toBe(200);
  });

  it('maps tools, a named choice and parallel_tool_calls onto the swarm request', async () => {
    const response = await chat({ tools: [WEATHER_TOOL], tool_choice: { type: 'function', function: { name: 'get_weather' } }, parallel_tool_calls: false });
    expect(response.statusCode).toBe(200);
    expect(swarm.requests[0]?.tools).toEqual({
      tools: [{ name: 'get_weather', description: 'Weather of a city', parameters: CITY }],
      choice: { name: 'get_weather' },
      parallel: false,
    });
  });

  it('maps the legacy functions and function_call onto the same tool request, one call per answer', async () => {
    await chat({ functions: [WEATHER_TOOL.function], function_call: 'auto' });
    expect(swarm.requests[0]?.tools).toEqual({ tools: [{ name: 'get_weather', description: 'Weather of a city', parameters: CITY }], choice: 'auto', parallel: false });
  });

  it('maps tool turns of the history, and a legacy function result onto the call before it', async () => {
    await chat({
      messages: [
        ...USER,
        { role: 'assistant', content: null, tool_calls: [CALLED] },
        { role: 'tool', tool_call_id: 'call_1', content: '20C' },
        { role: 'assistant', content: null, function_call: { name: 'get_weather', arguments: '{"city":"Oslo"}' } },
        { role: 'function', name: 'get_weather', content: '5C' },
      ],
    });
    const prompt = swarm.requests[0]?.prompt;
    expect(prompt?.kind === 'chat' ? prompt.messages : []).toEqual([
      { role: 'user', content: 'Weather in Paris?' },
      { role: 'assistant', content: '', toolCalls: [{ id: 'call_1', name: 'get_weather', arguments: '{"city":"Paris"}' }] },
      { role: 'tool', content: '20C', toolCallId: 'call_1' },
      { role: 'assistant', content: '', toolCalls: [{ id: 'function_call_3', name: 'get_weather', arguments: '{"city":"Oslo"}' }] },
      { role: 'tool', content: '5C', toolCallId: 'function_call_3' },
    ]);
  });

  it('maps response_format json_schema, logprobs, penalties and logit_bias', async () => {
    const schema = { type: 'object', properties: { answer: { type: 'integer' } }, required: ['answer'] };
    await chat({
      response_format: { type: 'json_schema', json_schema: { name: 'answer', schema, strict: true } },
      logprobs: true,
      top_logprobs: 3,
      presence_penalty: 0.5,
      frequency_penalty: -1,
      logit_bias: { '7': 100, '9': -100 },
    });
    const request = swarm.requests[0];
    expect(request?.format).toEqual({ kind: 'json_schema', name: 'answer', schema, strict: true });
    expect(request?.controls).toEqual({ presencePenalty: 0.5, frequencyPenalty: -1, logitBias: { 7: 100, 9: -100 }, logprobs: { top: 3 } });
  });

  describe('/v1/completions', () => {
    const complete = (extra: Record<string, unknown>): Promise<LightMyRequestResponse> => post('/v1/completions', { prompt: 'Say', ...extra });

    it.each<[string, Record<string, unknown>, string, RegExp]>([
      ['suffix', { suffix: 'end' }, 'suffix', /fill-in-the-middle/],
      ['echo with logprobs', { echo: true, logprobs: 1 }, 'logprobs', /echo/],
      ['logprobs 6', { logprobs: 6 }, 'logprobs', /not be greater than 5/],
      ['best_of 3', { best_of: 3 }, 'best_of', /consensus/],
      ['a logit_bias id beyond the vocabulary', { logit_bias: { '5000': 1 } }, 'logit_bias.5000', /vocabulary/],
    ])('refuses %s with 400 naming the field', async (_label, extra, param, message) => {
      const response = await complete(extra);
      expect(response.statusCode).toBe(400);
      expect(response.json<ErrorJson>().error.param).toBe(param);
      expect(response.json<ErrorJson>().error.message).toMatch(message);
    });

    it('echoes the prompt before the answer and maps logprobs onto controls', async () => {
      const echoed = await complete({ echo: true });
      expect(echoed.json<{ choices: { text: string }[] }>().choices[0]?.text).toBe('Say5');
      await complete({ logprobs: 2, presence_penalty: 1 });
      expect(swarm.requests.at(-1)?.controls).toEqual({ presencePenalty: 1, logprobs: { top: 2 } });
    });

    it('honours stream_options.include_usage: one usage chunk, last', async () => {
      const response = await complete({ stream: true, stream_options: { include_usage: true } });
      const chunks = response.body
        .split('\n\n')
        .filter((line) => line.startsWith('data: {'))
        .map((line) => JSON.parse(line.slice('data: '.length)) as { choices: unknown[]; usage?: unknown });
      expect(chunks.at(-1)?.choices).toEqual([]);
      expect(chunks.at(-1)?.usage).toMatchObject({ prompt_tokens: 12 });
      expect(chunks.filter((chunk) => chunk.choices.length === 0)).toHaveLength(1);
    });
  });
});
