import 'reflect-metadata';
import { SwarmErrorCode } from '@local-swarm/swarm-core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { createFakeSwarmApp } from '../testing/create-test-app';
import { FakeSwarm } from '../testing/fake-swarm';
import { TEST_NODE_SETTINGS } from '../testing/test-node-settings';

const USER_MESSAGES = [{ role: 'user', content: 'What is 2 + 3?' }];

interface OpenAiErrorJson {
  error: { message: string; type: string; param: string | null; code: string | null };
}

interface ChatCompletionJson {
  object: string;
  model: string;
  choices: { index: number; message: { role: string; content: string }; finish_reason: string }[];
  usage: { prompt_tokens: number; completion_tokens: number; total_tokens: number };
  consensus: {
    strategy: string;
    requested_strategy: string;
    agreement: number;
    winner: { source: string; index: number; sequence: number } | null;
    candidates: { text: string; completion_tokens: number | null }[];
    usage: { prompt_tokens: number; completion_tokens: number; total_tokens: number };
  };
}

/** Tokens of the candidate the consensus names the winner: all a one-choice answer's usage counts. */
function winnerTokens(consensus: Pick<ChatCompletionJson['consensus'], 'winner' | 'candidates'>): number {
  return consensus.candidates[consensus.winner?.index ?? -1]?.completion_tokens ?? Number.NaN;
}

interface ChunkJson {
  object: string;
  choices: { index: number; delta: { role?: string; content?: string }; finish_reason: string | null }[];
  usage?: { prompt_tokens: number; completion_tokens: number; total_tokens: number } | null;
  consensus?: ChatCompletionJson['consensus'];
}

describe('OpenAI-compatible HTTP API (in-process, fake swarm)', () => {
  let swarm: FakeSwarm;
  let app: NestFastifyApplication;
  let fastify: FastifyInstance;

  beforeAll(async () => {
    swarm = new FakeSwarm();
    ({ app, fastify } = await createFakeSwarmApp(swarm));
  });

  afterAll(async () => {
    await app.close();
  });

  beforeEach(() => {
    swarm.failure = null;
    swarm.requests.length = 0;
  });

  function post(url: string, payload: unknown, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const options: InjectOptions = { method: 'POST', url, payload: JSON.stringify(payload), headers: { 'content-type': 'application/json', ...headers } };
    return fastify.inject(options);
  }

  function expectOpenAiError(response: LightMyRequestResponse, status: number, expected: Partial<OpenAiErrorJson['error']>): OpenAiErrorJson {
    expect(response.statusCode).toBe(status);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    const body = response.json<OpenAiErrorJson>();
    expect(Object.keys(body)).toEqual(['error']);
    expect(Object.keys(body.error).sort()).toEqual(['code', 'message', 'param', 'type']);
    expect(typeof body.error.message).toBe('string');
    expect(body.error).toMatchObject(expected);
    return body;
  }

  describe('POST /v1/chat/completions', () => {
    it('answers with the majority winner and the consensus behind it', async () => {
      const response = await post('/v1/chat/completions', { model: 'anything', messages: USER_MESSAGES });
      expect(response.statusCode).toBe(200);
      const body = response.json<ChatCompletionJson>();
      expect(body.object).toBe('chat.completion');
      expect(body.model).toBe('fake-model');
      expect(body.choices).toEqual([
        { index: 0, message: { role: 'assistant', content: '5', refusal: null }, logprobs: null, finish_reason: 'stop' },
      ]);
      // The returned choice's tokens; what all three candidates (2 + 3 + 4) cost is in consensus.usage.
      const returned = winnerTokens(body.consensus);
      expect(body.usage).toEqual({ prompt_tokens: 12, completion_tokens: returned, total_tokens: 12 + returned });
      expect(body.consensus.usage).toEqual({
        prompt_tokens: 12,
        completion_tokens: 9,
        total_tokens: 21,
        by_source: [{ source: 'local', prompt_tokens: 12, completion_tokens: 9 }],
      });
      expect(body.consensus.candidates.map((candidate) => candidate.text)).toEqual(['5', '5', 'six']);
      expect(body.consensus.strategy).toBe('majority');
      expect(body.consensus.agreement).toBe(0.6667);
      expect(body.consensus.winner).not.toBeNull();
      expect(body.consensus.winner?.source).toBe('local');
      expect([0, 1]).toContain(body.consensus.winner?.index);
    });

    it('asks the swarm for one candidate per instance with the default max_tokens and request sampling', async () => {
      await post('/v1/chat/completions', {
        messages: [
          { role: 'developer', content: 'Be brief.' },
          { role: 'user', content: [{ type: 'text', text: 'a' }, { type: 'text', text: 'b' }] },
        ],
        temperature: 0.2,
        seed: 7,
        stop: 'END',
      });
      expect(swarm.requests).toHaveLength(1);
      expect(swarm.requests[0]).toEqual({
        prompt: {
          kind: 'chat',
          messages: [
            { role: 'system', content: 'Be brief.' },
            { role: 'user', content: 'ab' },
          ],
        },
        maxTokens: 256,
        candidates: 3,
        clientKey: '127.0.0.1',
        temperature: 0.2,
        seed: 7,
        stop: ['END'],
        // Fastify's request id travels with the request (to peers, into logs).
        requestId: expect.any(String),
      });
    });

    it('returns n ranked choices', async () => {
      const response = await post('/v1/chat/completions', { messages: USER_MESSAGES, n: 2 });
      expect(response.statusCode).toBe(200);
      const body = response.json<ChatCompletionJson>();
      expect(body.choices.map((choice) => [choice.index, choice.message.content])).toEqual([
        [0, '5'],
        [1, '5'],
      ]);
    });

    it('takes the strategy from the body', async () => {
      const body = (await post('/v1/chat/completions', { messages: USER_MESSAGES, strategy: 'best_of_n' })).json<ChatCompletionJson>();
      expect(body.consensus.strategy).toBe('best_of_n');
      expect(body.consensus.requested_strategy).toBe('best_of_n');
      expect(body.choices[0]?.message.content).toBe('six');
      expect(body.consensus.winner?.index).toBe(2);
    });

    it('takes the strategy from the x-swarm-strategy header', async () => {
      const response = await post('/v1/chat/completions', { messages: USER_MESSAGES }, { 'x-swarm-strategy': 'best_of_n' });
      const body = response.json<ChatCompletionJson>();
      expect(body.consensus.requested_strategy).toBe('best_of_n');
      expect(body.choices[0]?.message.content).toBe('six');
    });

    it('prefers the body strategy over the header', async () => {
      const response = await post('/v1/chat/completions', { messages: USER_MESSAGES, strategy: 'majority' }, { 'x-swarm-strategy': 'best_of_n' });
      expect(response.json<ChatCompletionJson>().consensus.requested_strategy).toBe('majority');
    });

    it('refuses an unknown x-swarm-strategy header with 400', async () => {
      const response = await post('/v1/chat/completions', { messages: USER_MESSAGES }, { 'x-swarm-strategy': 'coin_flip' });
      expectOpenAiError(response, 400, { type: 'invalid_request_error', param: 'x-swarm-strategy', code: 'unknown_strategy' });
      expect(swarm.requests).toHaveLength(0);
    });

    it('refuses an unknown x-swarm-mode header with 400, naming the modes', async () => {
      const response = await post('/v1/chat/completions', { messages: USER_MESSAGES }, { 'x-swarm-mode': 'broadcast' });
      expectOpenAiError(response, 400, { type: 'invalid_request_error', param: 'x-swarm-mode', code: 'unknown_mode' });
      expect(response.json<{ error: { message: string } }>().error.message).toBe('x-swarm-mode must be vote or balance; got "broadcast"');
      expect(swarm.requests).toHaveLength(0);
    });

    it('refuses malformed JSON with 400 "could not parse"', async () => {
      const response = await fastify.inject({
        method: 'POST',
        url: '/v1/chat/completions',
        headers: { 'content-type': 'application/json' },
        payload: '{"messages": [',
      });
      // Nest's router maps FastifyErrors to a plain HttpException before the global filter runs, so
      // the filter's own "We could not parse..." wording and FST_ERR_* code never reach the client
      // (see the report); assert what any fix must keep: 400, invalid_request_error, a JSON hint.
      const body = expectOpenAiError(response, 400, { type: 'invalid_request_error', param: null });
      expect(body.error.message).toMatch(/JSON/);
      expect(swarm.requests).toHaveLength(0);
    });

    it('refuses an empty JSON body with 400', async () => {
      const response = await fastify.inject({ method: 'POST', url: '/v1/chat/completions', headers: { 'content-type': 'application/json' }, payload: '' });
      const body = expectOpenAiError(response, 400, { type: 'invalid_request_error', param: null });
      expect(body.error.message).toMatch(/empty/i);
    });

    it('refuses a text/plain body with 415 (a page may send text/plain anywhere without a preflight)', async () => {
      const response = await fastify.inject({ method: 'POST', url: '/v1/chat/completions', headers: { 'content-type': 'text/plain' }, payload: 'hello' });
      expectOpenAiError(response, 415, { type: 'invalid_request_error', param: null, code: 'unsupported_media_type' });
      expect(swarm.requests).toHaveLength(0);
    });

    it('refuses an unsupported content type with 415 in OpenAI shape', async () => {
      const response = await fastify.inject({ method: 'POST', url: '/v1/chat/completions', headers: { 'content-type': 'application/yaml' }, payload: 'messages: []' });
      expectOpenAiError(response, 415, { type: 'invalid_request_error', param: null });
    });

    it.each<[string, unknown, Partial<OpenAiErrorJson['error']>, RegExp]>([
      ['a JSON array body', [], { param: null }, /must be a JSON object/],
      // The first constraint reported is the last decorator listed, hence "contain at least one" for a string (see report).
      ['messages not an array', { messages: 'hi' }, { param: 'messages' }, /^messages must (be an array|contain at least one message)/],
      ['empty messages', { messages: [] }, { param: 'messages' }, /^messages must contain at least one message$/],
      ['an unknown role', { messages: [{ role: 'wizard', content: 'x' }] }, { param: 'messages[0].role' }, /^messages\[0\]\.role must be one of: system, developer, user, assistant, tool, function$/],
      ['a role error in the second message', { messages: [{ role: 'user', content: 'x' }, { role: 'robot', content: 'y' }] }, { param: 'messages[1].role' }, /^messages\[1\]\.role must be one of/],
      ['numeric content', { messages: [{ role: 'user', content: 42 }] }, { param: 'messages[0].content' }, /^messages\[0\]\.content must be a string or a non-empty array/],
      ['max_tokens as a string', { messages: USER_MESSAGES, max_tokens: '100' }, { param: 'max_tokens' }, /^max_tokens must /],
      ['max_tokens 0', { messages: USER_MESSAGES, max_tokens: 0 }, { param: 'max_tokens' }, /^max_tokens must not be less than 1$/],
      ['max_tokens over the node limit', { messages: USER_MESSAGES, max_tokens: 513 }, { param: 'max_tokens', code: 'max_tokens_too_large' }, /^max_tokens must be at most 512 on this node, got 513$/],
      ['max_completion_tokens over the node limit', { messages: USER_MESSAGES, max_completion_tokens: 1000 }, { param: 'max_tokens', code: 'max_tokens_too_large' }, /at most 512/],
      ['n over the instances', { messages: USER_MESSAGES, n: 4 }, { param: 'n', code: 'n_too_large' }, /^n must be at most 3 \(this node's instances\), got 4$/],
      ['temperature 7', { messages: USER_MESSAGES, temperature: 7 }, { param: 'temperature' }, /^temperature must not be greater than 2$/],
      ['response_format type yaml', { messages: USER_MESSAGES, response_format: { type: 'yaml' } }, { param: 'response_format.type' }, /^response_format\.type must be one of: text, json_object, json_schema$/],
      ['five stop sequences', { messages: USER_MESSAGES, stop: ['a', 'b', 'c', 'd', 'e'] }, { param: 'stop' }, /at most 4 strings/],
      ['an unknown body strategy', { messages: USER_MESSAGES, strategy: 'coin_flip' }, { param: 'strategy' }, /^strategy must be one of/],
    ])('refuses %s with 400', async (_label, payload, expected, message) => {
      const response = await post('/v1/chat/completions', payload);
      const body = expectOpenAiError(response, 400, { type: 'invalid_request_error', ...expected });
      expect(body.error.message).toMatch(message);
      expect(swarm.requests).toHaveLength(0);
    });

    it('refuses a prompt + max_tokens beyond the context with context_length_exceeded', async () => {
      const small = new FakeSwarm({ contextSize: 100 });
      const { app: smallApp, fastify: smallFastify } = await createFakeSwarmApp(small);
      try {
        const response = await smallFastify.inject({
          method: 'POST',
          url: '/v1/chat/completions',
          payload: { messages: USER_MESSAGES, max_tokens: 200 },
        });
        expectOpenAiError(response, 400, { type: 'invalid_request_error', param: 'messages', code: 'context_length_exceeded' });
      } finally {
        await smallApp.close();
      }
      expect(small.stopped).toBe(true);
    });

    it('answers 429 with retry-after when the queue is full', async () => {
      swarm.failure = { code: SwarmErrorCode.QueueFull, message: 'all 3 instances are busy; retry later', retryAfterSeconds: 4 };
      const response = await post('/v1/chat/completions', { messages: USER_MESSAGES });
      expectOpenAiError(response, 429, {
        type: 'rate_limit_error',
        code: 'queue_full',
        param: null,
        message: 'all 3 instances are busy; retry later',
      });
      expect(response.headers['retry-after']).toBe('4');
    });

    it('answers 500 engine_failed when every candidate failed', async () => {
      swarm.candidates = [
        { text: '', finishReason: 'error' },
        { text: '', finishReason: 'error' },
        { text: '', finishReason: 'error' },
      ];
      try {
        const response = await post('/v1/chat/completions', { messages: USER_MESSAGES });
        expectOpenAiError(response, 500, { type: 'server_error', code: 'engine_failed' });
      } finally {
        swarm.candidates = new FakeSwarm().candidates;
      }
    });

    describe('stream: true', () => {
      function dataLines(payload: string): string[] {
        // Events are "data: <json>\n\n"; nothing else (no id:/event: lines) is sent, but the
        // keep-alive comments of a vote in progress.
        const events = payload.split('\n\n');
        expect(events.at(-1)).toBe('');
        return events.slice(0, -1).filter((event) => event !== ': waiting for the vote').map((event) => {
          expect(event.startsWith('data: ')).toBe(true);
          return event.slice('data: '.length);
        });
      }

      it('streams chat.completion.chunk events whose deltas spell the winner, then [DONE]', async () => {
        swarm.candidates = [
          { text: 'The answer is 5.', score: -0.2 },
          { text: 'The answer is 5.', score: -0.3 },
          { text: 'It is six.', score: -0.1 },
        ];
        try {
          const response = await post('/v1/chat/completions', { messages: USER_MESSAGES, stream: true });
          expect(response.statusCode).toBe(200);
          expect(response.headers['content-type']).toBe('text/event-stream; charset=utf-8');
          const lines = dataLines(response.payload);
          expect(lines.at(-1)).toBe('[DONE]');
          const chunks = lines.slice(0, -1).map((line) => JSON.parse(line) as ChunkJson);
          for (const chunk of chunks) expect(chunk.object).toBe('chat.completion.chunk');
          const choiceChunks = chunks.filter((chunk) => chunk.choices.length > 0);
          expect(choiceChunks[0]?.choices[0]?.delta).toEqual({ role: 'assistant', content: '' });
          const text = choiceChunks.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('');
          expect(text).toBe('The answer is 5.');
          expect(choiceChunks.length).toBeGreaterThan(3); // word by word, not one blob
          expect(choiceChunks.at(-1)?.choices[0]?.finish_reason).toBe('stop');
          expect(choiceChunks.slice(0, -1).every((chunk) => chunk.choices[0]?.finish_reason === null)).toBe(true);
          expect(chunks.some((chunk) => chunk.usage !== undefined)).toBe(false);
          expect(chunks.find((chunk) => chunk.consensus !== undefined)?.consensus?.winner).not.toBeNull();
        } finally {
          swarm.candidates = new FakeSwarm().candidates;
        }
      });

      it('adds a usage chunk with empty choices when stream_options.include_usage', async () => {
        const response = await post('/v1/chat/completions', { messages: USER_MESSAGES, stream: true, stream_options: { include_usage: true } });
        const lines = dataLines(response.payload);
        expect(lines.at(-1)).toBe('[DONE]');
        const chunks = lines.slice(0, -1).map((line) => JSON.parse(line) as ChunkJson);
        const usageChunks = chunks.filter((chunk) => chunk.usage !== undefined && chunk.usage !== null);
        expect(usageChunks).toHaveLength(1);
        expect(usageChunks[0]?.choices).toEqual([]);
        const consensus = chunks.find((chunk) => chunk.consensus !== undefined)?.consensus;
        const returned = consensus === undefined ? Number.NaN : winnerTokens(consensus);
        expect(usageChunks[0]?.usage).toEqual({ prompt_tokens: 12, completion_tokens: returned, total_tokens: 12 + returned });
        expect(chunks.at(-1)).toBe(usageChunks[0]); // the last event before [DONE]
      });

      it('streams n choices, each with its own index', async () => {
        const response = await post('/v1/chat/completions', { messages: USER_MESSAGES, stream: true, n: 3 });
        const chunks = dataLines(response.payload).slice(0, -1).map((line) => JSON.parse(line) as ChunkJson);
        const textOf = (index: number): string =>
          chunks
            .flatMap((chunk) => chunk.choices)
            .filter((choice) => choice.index === index)
            .map((choice) => choice.delta.content ?? '')
            .join('');
        expect([textOf(0), textOf(1), textOf(2)]).toEqual(['5', '5', 'six']);
      });

      it('reports a failure before the stream starts as a plain HTTP error', async () => {
        swarm.failure = { code: SwarmErrorCode.QueueFull, message: 'busy' };
        const response = await post('/v1/chat/completions', { messages: USER_MESSAGES, stream: true });
        expectOpenAiError(response, 429, { code: 'queue_full' });
        expect(response.headers['retry-after']).toBe('1');
      });
    });
  });

  describe('POST /v1/completions', () => {
    it('answers a text_completion with the raw prompt passed through', async () => {
      const response = await post('/v1/completions', { prompt: ['Once upon a time'], max_tokens: 20 });
      expect(response.statusCode).toBe(200);
      const body = response.json<Omit<ChatCompletionJson, 'choices'> & { choices: unknown[] }>();
      expect(body.object).toBe('text_completion');
      expect(body.model).toBe('fake-model');
      expect(body.choices).toEqual([{ index: 0, text: '5', logprobs: null, finish_reason: 'stop' }]);
      const returned = winnerTokens(body.consensus);
      expect(body.usage).toEqual({ prompt_tokens: 12, completion_tokens: returned, total_tokens: 12 + returned });
      expect(body.consensus.usage.completion_tokens).toBe(9);
      expect(body.consensus.agreement).toBe(0.6667);
      expect(swarm.requests[0]?.prompt).toEqual({ kind: 'text', text: 'Once upon a time' });
      expect(swarm.requests[0]?.maxTokens).toBe(20);
    });

    it('refuses a batch of prompts', async () => {
      const response = await post('/v1/completions', { prompt: ['a', 'b'] });
      expectOpenAiError(response, 400, { param: 'prompt', type: 'invalid_request_error' });
    });

    it('streams text_completion events ending with [DONE]', async () => {
      const response = await post('/v1/completions', { prompt: 'x', stream: true });
      expect(response.headers['content-type']).toBe('text/event-stream; charset=utf-8');
      expect(response.payload.endsWith('data: [DONE]\n\n')).toBe(true);
      const events = response.payload
        .split('\n\n')
        .filter((event) => event.startsWith('data: {'))
        .map((event) => JSON.parse(event.slice('data: '.length)) as { object: string; choices: { text: string }[] });
      expect(events.every((event) => event.object === 'text_completion')).toBe(true);
      expect(events.flatMap((event) => event.choices.map((choice) => choice.text)).join('')).toBe('5');
    });
  });

  describe('GET /v1/models', () => {
    it('lists the one served model', async () => {
      const response = await fastify.inject({ method: 'GET', url: '/v1/models' });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({
        object: 'list',
        data: [{ id: 'fake-model', object: 'model', created: Math.floor(TEST_NODE_SETTINGS.startedAt.getTime() / 1000), owned_by: 'local-swarm' }],
      });
    });

    it('returns the model by id', async () => {
      const response = await fastify.inject({ method: 'GET', url: '/v1/models/fake-model' });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ id: 'fake-model', object: 'model' });
    });

    it('answers 404 model_not_found for an unknown id', async () => {
      const response = await fastify.inject({ method: 'GET', url: '/v1/models/gpt-4o' });
      expectOpenAiError(response, 404, {
        type: 'not_found_error',
        param: 'model',
        code: 'model_not_found',
        message: "The model 'gpt-4o' does not exist on this node",
      });
    });
  });

  describe('GET /health', () => {
    it('reports model, instances, strategy and load', async () => {
      const response = await fastify.inject({ method: 'GET', url: '/health' });
      expect(response.statusCode).toBe(200);
      const body = response.json<Record<string, unknown>>();
      expect(body).toEqual({
        status: 'ok',
        node_id: 'node-self',
        version: '9.9.9-test',
        model: 'fake-model',
        instances: 3,
        context_size: 2048,
        strategy: 'majority',
        mode: 'vote',
        requests_served: expect.any(Number),
        hardware: 'test hardware',
        url: null,
        uptime_s: expect.any(Number),
        load: { busy_instances: 0, capacity: 3, queued_requests: 0, max_queue: 8 },
        peers: { total: 0, healthy: 0, unhealthy: 0, expired: 0 },
      });
      expect(body['uptime_s']).toBeGreaterThanOrEqual(42);
    });
  });

  it('answers an unknown route with 404 in OpenAI shape', async () => {
    const response = await fastify.inject({ method: 'GET', url: '/v1/nope' });
    expectOpenAiError(response, 404, { type: 'not_found_error', param: null, code: null });
  });

  it('refuses a public client with 403 before routing', async () => {
    const response = await fastify.inject({ method: 'GET', url: '/health', remoteAddress: '8.8.8.8' });
    expectOpenAiError(response, 403, { type: 'permission_error', code: 'forbidden_address' });
  });
});
