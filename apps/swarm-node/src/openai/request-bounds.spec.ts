/**
 * The work one request may cause, in-process on a fake swarm that counts tokenizations the way
 * the real Swarm does (once per prompt object it is given; Swarm's own spec shows it keeps the
 * tokens of a prompt object): each route hands the swarm one prompt object, checked before any
 * generation; oversized lists are refused by validation; the client's address travels with the
 * request for the wait queue's per-client share.
 */
import 'reflect-metadata';
import { FEDERATION_PROTOCOL_VERSION, type VoteRequestWire } from '@local-swarm/federation-protocol';
import { SwarmErrorCode } from '@local-swarm/swarm-core';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { createFakeSwarmApp } from '../testing/create-test-app';
import { FakeSwarm } from '../testing/fake-swarm';
import { createFederatedApp } from '../testing/federation-fixtures';
import { MAX_CHAT_MESSAGES } from './dto/chat-completion-request.dto';
import { MAX_STOP_SEQUENCE_CHARS } from './dto/validators';

const USER_MESSAGES = [{ role: 'user', content: 'What is 2 + 3?' }];

interface OpenAiErrorJson {
  error: { message: string; type: string; param: string | null; code: string | null };
}

function post(fastify: FastifyInstance, url: string, payload: unknown, remoteAddress = '127.0.0.1'): Promise<LightMyRequestResponse> {
  return fastify.inject({ method: 'POST', url, remoteAddress, payload: JSON.stringify(payload), headers: { 'content-type': 'application/json' } });
}

function errorOf(response: LightMyRequestResponse, status: number): OpenAiErrorJson['error'] {
  expect(response.statusCode).toBe(status);
  return response.json<OpenAiErrorJson>().error;
}

describe('request bounds (in-process, fake swarm)', () => {
  let swarm: FakeSwarm;
  let fastify: FastifyInstance;
  let close: () => Promise<void>;

  beforeAll(async () => {
    swarm = new FakeSwarm();
    const created = await createFakeSwarmApp(swarm);
    fastify = created.fastify;
    close = () => created.app.close();
  });

  afterAll(async () => {
    await close();
  });

  beforeEach(() => {
    swarm.failure = null;
    swarm.requests.length = 0;
    swarm.tokenizations = 0;
  });

  describe('each prompt is tokenized once per request', () => {
    it.each<[string, string, object]>([
      ['chat with the default max_tokens (measured for it)', '/v1/chat/completions', { messages: USER_MESSAGES }],
      ['chat with max_tokens', '/v1/chat/completions', { messages: USER_MESSAGES, max_tokens: 16 }],
      ['a streamed chat', '/v1/chat/completions', { messages: USER_MESSAGES, stream: true }],
      ['a text completion', '/v1/completions', { prompt: 'Once upon a time' }],
      ['a text completion with a one-prompt array and max_tokens', '/v1/completions', { prompt: ['Once'], max_tokens: 8 }],
    ])('%s', async (_label, url, body) => {
      expect((await post(fastify, url, body)).statusCode).toBe(200);
      expect(swarm.requests).toHaveLength(1);
      expect(swarm.tokenizations).toBe(1);
    });

    it('a refused prompt is never generated', async () => {
      const small = new FakeSwarm({ contextSize: 100 });
      const created = await createFakeSwarmApp(small);
      try {
        const response = await post(created.fastify, '/v1/chat/completions', { messages: USER_MESSAGES, max_tokens: 200 });
        expect(errorOf(response, 400).code).toBe('context_length_exceeded');
        expect(small.requests).toHaveLength(0);
        expect(small.tokenizations).toBe(1);
      } finally {
        await created.app.close();
      }
    });

    it('a peer vote: checked, then generated, on one prompt', async () => {
      const voting = new FakeSwarm();
      const { app } = await createFederatedApp(voting);
      try {
        const vote: VoteRequestWire = {
          protocol: FEDERATION_PROTOCOL_VERSION,
          request_id: 'req-1',
          origin_node_id: 'node-origin',
          hops: 1,
          deadline_ms: 10_000,
          prompt: { kind: 'chat', messages: USER_MESSAGES.map((message) => ({ ...message, role: 'user' as const })) },
          max_tokens: 32,
        };
        expect((await post(app.getHttpAdapter().getInstance(), '/v1/federation/vote', vote)).statusCode).toBe(200);
        expect(voting.requests).toHaveLength(1);
        expect(voting.tokenizations).toBe(1);
      } finally {
        await app.close();
      }
    });
  });

  describe('list and length limits (400, param names the field)', () => {
    const longStop = 'x'.repeat(MAX_STOP_SEQUENCE_CHARS + 1);
    it.each<[string, string, object, string]>([
      [`${MAX_CHAT_MESSAGES + 1} messages`, '/v1/chat/completions', { messages: Array.from({ length: MAX_CHAT_MESSAGES + 1 }, () => USER_MESSAGES[0]) }, 'messages'],
      ['five stop sequences (chat)', '/v1/chat/completions', { messages: USER_MESSAGES, stop: ['a', 'b', 'c', 'd', 'e'] }, 'stop'],
      ['a stop string over 256 characters (chat)', '/v1/chat/completions', { messages: USER_MESSAGES, stop: longStop }, 'stop'],
      ['a stop array with a sequence over 256 characters (chat)', '/v1/chat/completions', { messages: USER_MESSAGES, stop: ['END', longStop] }, 'stop'],
      ['five stop sequences (completions)', '/v1/completions', { prompt: 'x', stop: ['a', 'b', 'c', 'd', 'e'] }, 'stop'],
      ['a stop string over 256 characters (completions)', '/v1/completions', { prompt: 'x', stop: longStop }, 'stop'],
      ['a stop array with a sequence over 256 characters (completions)', '/v1/completions', { prompt: 'x', stop: [longStop] }, 'stop'],
      ['two prompts', '/v1/completions', { prompt: ['a', 'b'] }, 'prompt'],
      ['an array given as a message', '/v1/chat/completions', { messages: [[]] }, 'messages'],
      ['a string given as a message', '/v1/chat/completions', { messages: ['hi'] }, 'messages'],
    ])('refuses %s', async (_label, url, body, param) => {
      const error = errorOf(await post(fastify, url, body), 400);
      expect(error).toMatchObject({ type: 'invalid_request_error', param });
      expect(swarm.requests).toHaveLength(0);
      expect(swarm.tokenizations).toBe(0);
    });

    it(`accepts ${MAX_CHAT_MESSAGES} messages and 4 stop sequences of ${MAX_STOP_SEQUENCE_CHARS} characters`, async () => {
      const stop = ['a', 'b', 'c', 'x'.repeat(MAX_STOP_SEQUENCE_CHARS)];
      const messages = Array.from({ length: MAX_CHAT_MESSAGES }, () => USER_MESSAGES[0]);
      expect((await post(fastify, '/v1/chat/completions', { messages, stop })).statusCode).toBe(200);
      expect(swarm.requests[0]?.stop).toEqual(stop);
    });
  });

  describe('per-client share of the wait queue', () => {
    it("passes the client's address with the request", async () => {
      await post(fastify, '/v1/chat/completions', { messages: USER_MESSAGES }, '10.0.0.7');
      await post(fastify, '/v1/completions', { prompt: 'x' }, '192.168.1.20');
      expect(swarm.requests.map((request) => request.clientKey)).toEqual(['10.0.0.7', '192.168.1.20']);
    });

    it('answers 429 client_queue_share_exceeded with retry-after when the client holds its share', async () => {
      swarm.failure = { code: SwarmErrorCode.ClientQueueShareExceeded, message: 'this client already has 4 requests waiting', retryAfterSeconds: 3 };
      const response = await post(fastify, '/v1/chat/completions', { messages: USER_MESSAGES });
      expect(errorOf(response, 429)).toEqual({
        type: 'rate_limit_error',
        code: 'client_queue_share_exceeded',
        param: null,
        message: 'this client already has 4 requests waiting',
      });
      expect(response.headers['retry-after']).toBe('3');
    });
  });
});
