import 'reflect-metadata';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { createFakeSwarmApp } from '../../testing/create-test-app';
import { FakeSwarm } from '../../testing/fake-swarm';
import { postJson } from '../../testing/post-json';

// The fake swarm's default candidates "5", "5", "six" agree at 2/3.
const CHAT = { messages: [{ role: 'user', content: 'What is 2 + 3?' }] };
const TEXT = { prompt: '2 + 3 =' };

describe('min_agreement: abstain on request (in-process, fake swarm)', () => {
  let fastify: FastifyInstance;
  let close: () => Promise<void>;

  beforeAll(async () => {
    const created = await createFakeSwarmApp(new FakeSwarm());
    fastify = created.fastify;
    close = () => created.app.close();
  });

  afterAll(async () => {
    await close();
  });

  function post(url: string, payload: unknown, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    return postJson(fastify, url, payload, headers);
  }

  it('chat: below the threshold the answer is a refusal with the reason, status 200', async () => {
    const response = await post('/v1/chat/completions', { ...CHAT, min_agreement: 0.9 });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.choices[0]).toEqual({
      index: 0,
      message: { role: 'assistant', content: null, refusal: 'the candidates disagreed: agreement 0.6666 < 0.9' },
      logprobs: null,
      finish_reason: 'stop',
    });
    expect(body.consensus).toMatchObject({ agreement: 0.6667, abstained: true, asked_for: 3, valid_count: 3 });
  });

  it('chat: at or above the threshold the answer is unchanged', async () => {
    const body = (await post('/v1/chat/completions', { ...CHAT, min_agreement: 0.6 })).json();
    expect(body.choices[0].message).toEqual({ role: 'assistant', content: '5', refusal: null });
    expect(body.consensus.abstained).toBeUndefined();
  });

  it('the header works too, and the body wins over it', async () => {
    const byHeader = (await post('/v1/chat/completions', CHAT, { 'x-swarm-min-agreement': '0.9' })).json();
    expect(byHeader.choices[0].message.refusal).toMatch(/< 0\.9$/);
    const bodyWins = (await post('/v1/chat/completions', { ...CHAT, min_agreement: 0.1 }, { 'x-swarm-min-agreement': '0.9' })).json();
    expect(bodyWins.choices[0].message.content).toBe('5');
  });

  it('completions: an empty text, the reason in consensus.abstained_reason', async () => {
    const body = (await post('/v1/completions', { ...TEXT, min_agreement: 0.9 })).json();
    expect(body.choices[0]).toMatchObject({ text: '', finish_reason: 'stop' });
    expect(body.consensus).toMatchObject({ abstained: true, abstained_reason: 'the candidates disagreed: agreement 0.6666 < 0.9' });
  });

  it('streaming chat: a refusal delta and no content deltas', async () => {
    const response = await post('/v1/chat/completions', { ...CHAT, stream: true, min_agreement: 0.9 });
    const chunks = response.body
      .split('\n')
      .filter((line) => line.startsWith('data: {'))
      .map((line) => JSON.parse(line.slice('data: '.length)));
    const deltas = chunks.flatMap((chunk) => chunk.choices.map((choice: { delta: Record<string, unknown> }) => choice.delta));
    expect(deltas).toContainEqual({ refusal: 'the candidates disagreed: agreement 0.6666 < 0.9' });
    expect(deltas.some((delta) => typeof delta['content'] === 'string' && delta['content'] !== '')).toBe(false);
    expect(chunks.at(-1).consensus).toMatchObject({ abstained: true });
  });

  it.each([-0.1, 1.5, 'abc'])('a body min_agreement of %p is a 400 naming it', async (value) => {
    const response = await post('/v1/chat/completions', { ...CHAT, min_agreement: value });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ type: 'invalid_request_error', param: 'min_agreement' });
  });

  it.each(['abc', '-0.1', '1.5', 'NaN', '0x1', '1e999', '0.5; drop'])('a header of %p is a 400 naming it', async (value) => {
    const response = await post('/v1/completions', TEXT, { 'x-swarm-min-agreement': value });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ type: 'invalid_request_error', param: 'x-swarm-min-agreement', code: 'invalid_min_agreement' });
  });
});
