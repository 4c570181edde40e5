import 'reflect-metadata';
import { LOCAL_SOURCE_ID } from '@local-swarm/swarm-core';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { createFakeSwarmApp } from '../../testing/create-test-app';
import { FakeSwarm } from '../../testing/fake-swarm';
import { postJson } from '../../testing/post-json';

const CHAT = { messages: [{ role: 'user', content: 'What is 2 + 3?' }] };
const TEXT = { prompt: '2 + 3 =' };
const AUTO_NEEDS_WEIGHTED_VOTE = 'weights "auto" applies to weighted_vote only';

describe('weights: auto (in-process, fake swarm)', () => {
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

  it.each(['/v1/chat/completions', '/v1/completions'])('%s answers a weighted_vote with weights auto, by body or header', async (url) => {
    const body = url === '/v1/completions' ? TEXT : CHAT;
    expect((await post(url, { ...body, strategy: 'weighted_vote', weights: 'auto' })).statusCode).toBe(200);
    expect((await post(url, { ...body, strategy: 'weighted_vote' }, { 'x-swarm-weights': 'auto' })).statusCode).toBe(200);
    expect((await post(url, body, { 'x-swarm-strategy': 'weighted_vote', 'x-swarm-weights': 'configured' })).statusCode).toBe(200);
  });

  it.each([['bogus'], [1], ['AUTO']])('a body weights of %p is a 400 naming it', async (value) => {
    const response = await post('/v1/chat/completions', { ...CHAT, strategy: 'weighted_vote', weights: value });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ type: 'invalid_request_error', param: 'weights' });
  });

  it.each(['bogus', 'auto; drop', 'x'.repeat(100)])('a header of %p is a 400 naming it', async (value) => {
    const response = await post('/v1/completions', { ...TEXT, strategy: 'weighted_vote' }, { 'x-swarm-weights': value });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ param: 'x-swarm-weights', code: 'unknown_weights' });
    expect(response.json().error.message.length).toBeLessThan(100);
  });

  it('weights auto with another strategy is a 400, from the body or the header', async () => {
    const byBody = await post('/v1/chat/completions', { ...CHAT, strategy: 'majority', weights: 'auto' });
    expect(byBody.statusCode).toBe(400);
    expect(byBody.json().error).toMatchObject({ param: 'weights', code: 'weights_need_weighted_vote', message: expect.stringContaining(AUTO_NEEDS_WEIGHTED_VOTE) });
    // The node's default strategy (majority) counts as the request's.
    const byHeader = await post('/v1/completions', TEXT, { 'x-swarm-weights': 'auto' });
    expect(byHeader.statusCode).toBe(400);
    expect(byHeader.json().error).toMatchObject({ param: 'x-swarm-weights', code: 'weights_need_weighted_vote' });
  });

  it('/v1/responses checks weights as chat does', async () => {
    const response = await post('/v1/responses', { input: 'What is 2 + 3?', strategy: 'best_of_n', weights: 'auto' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toContain(AUTO_NEEDS_WEIGHTED_VOTE);
    expect((await post('/v1/responses', { input: 'What is 2 + 3?', strategy: 'weighted_vote', weights: 'auto' })).statusCode).toBe(200);
  });

  it('every weighted_vote verdict is learned from, auto or not, and the dashboard state shows it', async () => {
    const before = (await fastify.inject({ method: 'GET', url: '/v1/dashboard/state' })).json().learned_weights;
    const observedBefore = before.find((entry: { source: string }) => entry.source === LOCAL_SOURCE_ID)?.observations ?? 0;
    await post('/v1/chat/completions', { ...CHAT, strategy: 'weighted_vote' });
    await post('/v1/chat/completions', { ...CHAT, strategy: 'majority' });
    const state = (await fastify.inject({ method: 'GET', url: '/v1/dashboard/state' })).json();
    expect(state.learned_weights).toContainEqual({ source: LOCAL_SOURCE_ID, weight: 1, observations: observedBefore + 1, agreed: observedBefore + 1, persisted: true });
  });
});
