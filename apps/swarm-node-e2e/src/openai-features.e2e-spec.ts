import OpenAI from 'openai';
import { startSwarmNode, type StartedNode } from './support/swarm-node-process';

/** " Paris" in the default model's vocabulary (SmolLM2's byte-level BPE writes it "ĠParis"), as the swarm-core sampling model spec uses it. */
const PARIS_TOKEN = 7042;

const WEATHER_TOOL: OpenAI.Chat.Completions.ChatCompletionTool = {
  type: 'function',
  function: {
    name: 'get_weather',
    description: 'Current weather of a city',
    parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'], additionalProperties: false },
  },
};
const ASK_WEATHER = [{ role: 'user' as const, content: 'What is the weather in Paris?' }];
const NAMED_CHOICE = { type: 'function' as const, function: { name: 'get_weather' } };

let node: StartedNode;
let client: OpenAI;

beforeAll(async () => {
  node = await startSwarmNode(['--instances', '3', '--context-size', '2048', '--max-queue', '8']);
  client = new OpenAI({ apiKey: 'not-needed', baseURL: node.baseURL, maxRetries: 0 });
});

afterAll(async () => {
  await node.stop();
});

describe('OpenAI request fields on the real model, through the openai client', () => {
  it('a named tool_choice answers a valid get_weather call with a call id and finish_reason tool_calls', async () => {
    const completion = await client.chat.completions.create({ model: 'any', messages: ASK_WEATHER, tools: [WEATHER_TOOL], tool_choice: NAMED_CHOICE, max_tokens: 64 });
    const choice = completion.choices[0];
    expect(choice?.finish_reason).toBe('tool_calls');
    const call = choice?.message.tool_calls?.[0];
    expect(call?.id).toMatch(/^call_[A-Za-z0-9]{24}$/);
    if (call?.type !== 'function') throw new Error(`expected a function call, got ${JSON.stringify(call)}`);
    expect(call.function.name).toBe('get_weather');
    expect(typeof (JSON.parse(call.function.arguments) as { city: unknown }).city).toBe('string');
  });

  it('a tool round trip (assistant tool_calls, then the tool result) answers in text', async () => {
    const completion = await client.chat.completions.create({
      model: 'any',
      tools: [WEATHER_TOOL],
      max_tokens: 32,
      messages: [
        ...ASK_WEATHER,
        { role: 'assistant', content: null, tool_calls: [{ id: 'call_abc', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } }] },
        { role: 'tool', tool_call_id: 'call_abc', content: 'Sunny, 24 degrees Celsius' },
      ],
      tool_choice: 'none',
    });
    expect(completion.choices[0]?.message.content?.trim().length).toBeGreaterThan(0);
    expect(completion.choices[0]?.message.tool_calls ?? []).toEqual([]);
  });

  it('response_format json_schema: the content parses and matches the schema', async () => {
    const completion = await client.chat.completions.create({
      model: 'any',
      messages: [{ role: 'user', content: 'Describe a person with a name and an age.' }],
      max_tokens: 64,
      response_format: {
        type: 'json_schema',
        json_schema: { name: 'person', strict: true, schema: { type: 'object', properties: { name: { type: 'string', maxLength: 20 }, age: { type: 'integer' } }, required: ['name', 'age'], additionalProperties: false } },
      },
    });
    const person = JSON.parse(completion.choices[0]?.message.content ?? '') as { name: unknown; age: unknown };
    expect(typeof person.name).toBe('string');
    expect(Number.isInteger(person.age)).toBe(true);
  });

  it('logprobs with top_logprobs 3: a log-probability per token, three alternatives each (greedy: the whole distribution)', async () => {
    const completion = await client.chat.completions.create({ model: 'any', messages: [{ role: 'user', content: 'Name a colour.' }], max_tokens: 8, temperature: 0, logprobs: true, top_logprobs: 3 });
    const choice = completion.choices[0];
    const content = choice?.logprobs?.content ?? [];
    expect(content.length).toBeGreaterThan(0);
    expect(content.map((token) => token.token).join('')).toBe(choice?.message.content);
    for (const token of content) {
      expect(token.logprob).toBeLessThanOrEqual(0);
      expect(token.top_logprobs).toHaveLength(3);
    }
  });

  it('sampled logprobs list at most top_logprobs alternatives, those the token was sampled among, most likely first', async () => {
    const completion = await client.chat.completions.create({ model: 'any', messages: [{ role: 'user', content: 'Name a colour.' }], max_tokens: 8, temperature: 0.7, logprobs: true, top_logprobs: 3 });
    const content = completion.choices[0]?.logprobs?.content ?? [];
    expect(content.length).toBeGreaterThan(0);
    for (const token of content) {
      expect(token.top_logprobs.length).toBeGreaterThanOrEqual(1);
      expect(token.top_logprobs.length).toBeLessThanOrEqual(3);
      const logprobs = token.top_logprobs.map((alternative) => alternative.logprob);
      expect(logprobs).toEqual([...logprobs].sort((x, y) => y - x));
    }
  });

  it('streams a named tool call as deltas the client assembles into one valid call', async () => {
    const stream = await client.chat.completions.create({ model: 'any', messages: ASK_WEATHER, tools: [WEATHER_TOOL], tool_choice: NAMED_CHOICE, max_tokens: 64, stream: true });
    let id = '';
    let name = '';
    let args = '';
    let finish: string | null = null;
    for await (const chunk of stream) {
      const choice = chunk.choices[0];
      for (const delta of choice?.delta.tool_calls ?? []) {
        id += delta.id ?? '';
        name += delta.function?.name ?? '';
        args += delta.function?.arguments ?? '';
      }
      finish = choice?.finish_reason ?? finish;
    }
    expect(id).toMatch(/^call_/);
    expect(name).toBe('get_weather');
    expect(typeof (JSON.parse(args) as { city: unknown }).city).toBe('string');
    expect(finish).toBe('tool_calls');
  });

  it('accepts penalties, and logit_bias +100 on a token makes it appear', async () => {
    const completion = await client.chat.completions.create({
      model: 'any',
      messages: [{ role: 'user', content: 'Name a colour.' }],
      max_tokens: 6,
      presence_penalty: 0.5,
      frequency_penalty: 0.5,
      logit_bias: { [String(PARIS_TOKEN)]: 100 },
    });
    expect(completion.choices[0]?.message.content).toContain('Paris');
  });

  it('refuses suffix with a 400 naming it', async () => {
    const refused = client.completions.create({ model: 'any', prompt: 'def add(a, b):', suffix: '\n', max_tokens: 8 });
    await expect(refused).rejects.toMatchObject({ status: 400, param: 'suffix' });
  });

  it('/v1/completions with include_usage streams one usage chunk, last', async () => {
    const stream = await client.completions.create({ model: 'any', prompt: 'The sky is', max_tokens: 6, stream: true, stream_options: { include_usage: true } });
    const chunks = [];
    for await (const chunk of stream) chunks.push(chunk);
    const withUsage = chunks.filter((chunk) => chunk.usage !== null && chunk.usage !== undefined);
    expect(withUsage).toEqual([chunks.at(-1)]);
    expect(chunks.at(-1)?.choices).toEqual([]);
    expect(chunks.at(-1)?.usage?.completion_tokens).toBeGreaterThan(0);
  });
});
