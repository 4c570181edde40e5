import 'reflect-metadata';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { createFakeSwarmApp, type TestApp } from '../../testing/create-test-app';
import { FakeSwarm } from '../../testing/fake-swarm';

// The fake swarm's default candidates "5", "5", "six" agree at 2/3.
const REASON = 'the candidates disagreed: agreement 0.6666 < 0.9';
const INPUT = { input: 'What is 2 + 3?' };

interface EventJson {
  type: string;
  delta?: string;
  refusal?: string;
  part?: { type: string; refusal?: string };
  response?: { output_text: string; output: { content: unknown[] }[]; consensus: Record<string, unknown> };
}

describe('POST /v1/responses with min_agreement (in-process, fake swarm)', () => {
  let swarm: FakeSwarm;
  let node: TestApp;
  let fastify: FastifyInstance;

  beforeAll(async () => {
    swarm = new FakeSwarm();
    node = await createFakeSwarmApp(swarm);
    fastify = node.fastify;
  });
  afterAll(async () => {
    await node.app.close();
  });
  beforeEach(() => {
    swarm.requests.splice(0);
  });

  const post = (payload: object, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> =>
    fastify.inject({ method: 'POST', url: '/v1/responses', payload, headers });

  function eventsOf(response: LightMyRequestResponse): EventJson[] {
    return response.body
      .split('\n\n')
      .filter((block) => block.startsWith('event: '))
      .map((block) => JSON.parse((block.split('\n')[1] ?? '').slice('data: '.length)) as EventJson);
  }

  it('below the threshold the one message is a refusal part with the reason, status 200, no output_text', async () => {
    const response = await post({ ...INPUT, min_agreement: 0.9 });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ status: 'completed', output_text: '' });
    expect(body.output).toEqual([{ type: 'message', id: expect.stringMatching(/^msg_/), role: 'assistant', status: 'completed', content: [{ type: 'refusal', refusal: REASON }] }]);
    expect(body.consensus).toMatchObject({ agreement: 0.6667, abstained: true, abstained_reason: REASON, asked_for: 3, valid_count: 3 });
  });

  it('at or above the threshold the answer is unchanged', async () => {
    const body = (await post({ ...INPUT, min_agreement: 0.6 })).json();
    expect(body.output_text).toBe('5');
    expect(body.output[0].content).toEqual([{ type: 'output_text', text: '5', annotations: [] }]);
    expect(body.consensus.abstained).toBeUndefined();
  });

  it('reads the x-swarm-min-agreement header, and the body wins over it', async () => {
    expect((await post(INPUT, { 'x-swarm-min-agreement': '0.9' })).json().output[0].content).toEqual([{ type: 'refusal', refusal: REASON }]);
    expect((await post({ ...INPUT, min_agreement: 0.1 }, { 'x-swarm-min-agreement': '0.9' })).json().output_text).toBe('5');
  });

  it('streams the refusal as response.refusal.delta / .done events and no output_text events', async () => {
    const events = eventsOf(await post({ ...INPUT, stream: true, min_agreement: 0.9 }));
    expect(events.map((event) => event.type)).toEqual([
      'response.created',
      'response.in_progress',
      'response.output_item.added',
      'response.content_part.added',
      ...events.filter((event) => event.type === 'response.refusal.delta').map(() => 'response.refusal.delta'),
      'response.refusal.done',
      'response.content_part.done',
      'response.output_item.done',
      'response.completed',
    ]);
    const deltas = events.filter((event) => event.type === 'response.refusal.delta').map((event) => event.delta);
    expect(deltas.join('')).toBe(REASON);
    expect(events.find((event) => event.type === 'response.content_part.added')?.part).toEqual({ type: 'refusal', refusal: '' });
    expect(events.find((event) => event.type === 'response.refusal.done')?.refusal).toBe(REASON);
    expect(events.at(-1)?.response).toMatchObject({ output_text: '', consensus: { abstained: true, abstained_reason: REASON } });
  });

  it.each([-0.1, 1.5, 'abc', '0.5'])('a body min_agreement of %p is a 400 naming it, and runs nothing', async (value) => {
    const response = await post({ ...INPUT, min_agreement: value });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ type: 'invalid_request_error', param: 'min_agreement' });
    expect(swarm.requests).toHaveLength(0);
  });

  it.each(['abc', '1.5', 'NaN'])('a header of %p is a 400 naming it, and runs nothing', async (value) => {
    const response = await post(INPUT, { 'x-swarm-min-agreement': value });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ param: 'x-swarm-min-agreement', code: 'invalid_min_agreement' });
    expect(swarm.requests).toHaveLength(0);
  });
});
