import 'reflect-metadata';
import type { FastifyInstance } from 'fastify';
import { createFakeSwarmApp, type TestApp } from '../../testing/create-test-app';
import { FakeSwarm } from '../../testing/fake-swarm';

interface ResponseJson {
  id: string;
  object: string;
  status: string;
  output: { type: string; id: string; role?: string; content?: { type: string; text: string; annotations: unknown[] }[] }[];
  output_text: string;
  usage: { input_tokens: number; output_tokens: number; total_tokens: number };
  consensus: { strategy: string };
}

interface ErrorJson {
  error: { message: string; param: string | null; code: string | null };
}

interface EventJson {
  type: string;
  sequence_number: number;
  delta?: string;
  response?: ResponseJson;
}

describe('POST /v1/responses (in-process, fake swarm)', () => {
  let swarm: FakeSwarm;
  let node: TestApp;
  let fastify: FastifyInstance;

  beforeAll(async () => {
    swarm = new FakeSwarm();
    const created = await createFakeSwarmApp(swarm);
    node = created;
    fastify = created.fastify;
  });
  afterAll(async () => {
    await node.app.close();
  });
  beforeEach(() => {
    swarm.requests.splice(0);
  });

  const post = (payload: object) => fastify.inject({ method: 'POST', url: '/v1/responses', payload });
  const lastRequest = () => swarm.requests.at(-1);

  it('answers a text input with the winner as one output_text message, usage of the winner only, and the vote', async () => {
    const response = await post({ input: 'What is 2 + 3?', instructions: 'Answer with a number.' });
    expect(response.statusCode).toBe(200);
    const body = response.json<ResponseJson>();
    expect(body).toMatchObject({ object: 'response', status: 'completed', output_text: '5', consensus: { strategy: 'majority' } });
    expect(body.id).toMatch(/^resp_/);
    expect(body.output).toEqual([{ type: 'message', id: expect.stringMatching(/^msg_/), role: 'assistant', status: 'completed', content: [{ type: 'output_text', text: '5', annotations: [] }] }]);
    expect(body.usage).toEqual(expect.objectContaining({ input_tokens: 12, output_tokens: 3, total_tokens: 15 }));
    expect(lastRequest()?.prompt).toEqual({
      kind: 'chat',
      messages: [
        { role: 'system', content: 'Answer with a number.' },
        { role: 'user', content: 'What is 2 + 3?' },
      ],
    });
  });

  it('maps message items with input_text parts, max_output_tokens, temperature and top_p onto the chat request', async () => {
    await post({
      input: [{ role: 'developer', content: 'Be brief.' }, { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'Hi' }, { type: 'input_text', text: '!' }] }],
      max_output_tokens: 7,
      temperature: 0.2,
      top_p: 0.5,
    });
    expect(lastRequest()).toMatchObject({
      prompt: { messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'Hi!' }] },
      maxTokens: 7,
      temperature: 0.2,
      topP: 0.5,
    });
  });

  it('maps flat function tools, a named tool_choice and a function call round trip', async () => {
    const parameters = { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] };
    await post({
      input: [
        { role: 'user', content: 'Weather in Paris?' },
        { type: 'function_call', call_id: 'call_1', name: 'get_weather', arguments: '{"city":"Paris"}' },
        { type: 'function_call_output', call_id: 'call_1', output: '{"sky":"clear"}' },
      ],
      tools: [{ type: 'function', name: 'get_weather', description: 'Weather of a city', parameters, strict: true }],
      tool_choice: { type: 'function', name: 'get_weather' },
    });
    const request = lastRequest();
    expect(request?.tools).toMatchObject({ tools: [{ name: 'get_weather', description: 'Weather of a city', parameters }], choice: { name: 'get_weather' } });
    expect(request?.prompt).toMatchObject({
      messages: [
        { role: 'user', content: 'Weather in Paris?' },
        { role: 'assistant', toolCalls: [{ id: 'call_1', name: 'get_weather', arguments: '{"city":"Paris"}' }] },
        { role: 'tool', toolCallId: 'call_1', content: '{"sky":"clear"}' },
      ],
    });
  });

  it('maps text.format json_schema onto the chat response_format', async () => {
    const schema = { type: 'object', properties: { answer: { type: 'integer' } }, required: ['answer'], additionalProperties: false };
    expect((await post({ input: '2 + 3?', text: { format: { type: 'json_schema', name: 'sum', schema, strict: true } } })).statusCode).toBe(200);
    expect(lastRequest()?.format).toMatchObject({ kind: 'json_schema', name: 'sum', schema });
  });

  it.each([
    [{ input: 'hi', previous_response_id: 'resp_1' }, 'previous_response_id'],
    [{ input: 'hi', store: true }, 'store'],
    [{ input: 'hi', background: true }, 'background'],
    [{ input: 'hi', reasoning: { effort: 'high' } }, 'reasoning'],
    [{ input: 'hi', tools: [{ type: 'web_search' }] }, 'tools[0].type'],
    [{ input: 'hi', tool_choice: { type: 'web_search' } }, 'tool_choice'],
    [{ input: 'hi', text: { format: { type: 'xml' } } }, 'text.format.type'],
    [{ input: [{ role: 'user', content: [{ type: 'input_image', image_url: 'x' }] }] }, 'input[0].content[0]'],
    [{ input: [{ type: 'reasoning', summary: [] }] }, 'input[0].type'],
    [{ input: [{ role: 'tool', content: 'x' }] }, 'input[0].role'],
    [{ input: [] }, 'input'],
    [{ input: 'hi', max_output_tokens: 1_000_000 }, 'max_output_tokens'],
    [{ input: 'hi', max_output_tokens: 0 }, 'max_output_tokens'],
    [{ input: 'hi', strategy: 'loudest' }, 'strategy'],
  ])('refuses case %# with a 400 naming the field, and runs nothing', async (payload, param) => {
    const response = await post(payload);
    expect(response.statusCode).toBe(400);
    expect(response.json<ErrorJson>().error.param).toBe(param);
    expect(swarm.requests).toHaveLength(0);
  });

  it('accepts store: false and the neutral values of the refused fields', async () => {
    expect((await post({ input: 'hi', store: false, previous_response_id: null, include: [], truncation: 'disabled' })).statusCode).toBe(200);
  });

  it('streams the Responses events in order with event lines and sequence numbers, the full response last', async () => {
    const response = await post({ input: 'What is 2 + 3?', stream: true });
    expect(response.headers['content-type']).toContain('text/event-stream');
    const blocks = response.body.split('\n\n').filter((block) => block.startsWith('event: '));
    const events = blocks.map((block) => {
      const [eventLine, dataLine] = block.split('\n');
      const event = JSON.parse((dataLine ?? '').slice('data: '.length)) as EventJson;
      expect(eventLine).toBe(`event: ${event.type}`);
      return event;
    });
    expect(events.map((event) => event.type)).toEqual([
      'response.created',
      'response.in_progress',
      'response.output_item.added',
      'response.content_part.added',
      'response.output_text.delta',
      'response.output_text.done',
      'response.content_part.done',
      'response.output_item.done',
      'response.completed',
    ]);
    expect(events.map((event) => event.sequence_number)).toEqual(events.map((_, index) => index));
    expect(events[4]?.delta).toBe('5');
    expect(events.at(-1)?.response).toMatchObject({ status: 'completed', output_text: '5' });
    expect(response.body).not.toContain('[DONE]');
  });
});
