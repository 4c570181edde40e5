import 'reflect-metadata';
import { EmbeddingService, MAX_EMBEDDING_INPUTS, type EmbeddingEngine } from '@local-swarm/swarm-core';
import type { FastifyInstance } from 'fastify';
import { createFakeSwarmApp, type TestApp } from '../../testing/create-test-app';
import { FakeSwarm } from '../../testing/fake-swarm';

/** Vectors [length, 1, 0] (before normalising); one token per character plus two markers; 16 tokens of context. */
const fakeEngine: EmbeddingEngine = {
  dimensions: 3,
  contextSize: 16,
  longestTokenChars: 4,
  countTokens: (text) => text.length + 2,
  embed: (text) => Promise.resolve([text.length, 1, 0]),
  dispose: () => Promise.resolve(),
};

interface EmbeddingJson {
  object: string;
  data: { object: string; index: number; embedding: number[] | string }[];
  model: string;
  usage: { prompt_tokens: number; total_tokens: number };
}

interface ErrorJson {
  error: { message: string; type: string; param: string | null; code: string | null };
}

describe('POST /v1/embeddings (fake embedding engine)', () => {
  let node: TestApp;
  let fastify: FastifyInstance;

  beforeAll(async () => {
    node = await createFakeSwarmApp(new FakeSwarm({ embeddings: new EmbeddingService(fakeEngine, 4) }));
    fastify = node.fastify;
  });
  afterAll(async () => {
    await node.app.close();
  });

  const post = (payload: object) => fastify.inject({ method: 'POST', url: '/v1/embeddings', payload });

  it('answers a string with one unit-length float vector, the model and the usage', async () => {
    const response = await post({ input: 'abc', model: 'anything', user: 'u1' });
    expect(response.statusCode).toBe(200);
    const body = response.json<EmbeddingJson>();
    expect(body).toMatchObject({ object: 'list', model: 'fake-model', usage: { prompt_tokens: 5, total_tokens: 5 } });
    expect(body.data).toHaveLength(1);
    const [first] = body.data;
    expect(first).toMatchObject({ object: 'embedding', index: 0 });
    const vector = first?.embedding as number[];
    expect(vector[0]).toBeCloseTo(3 / Math.sqrt(10));
    expect(vector[1]).toBeCloseTo(1 / Math.sqrt(10));
  });

  it('answers a batch in order, and base64 carries the same little-endian float32 values', async () => {
    const floats = (await post({ input: ['a', 'bb', 'ccc'] })).json<EmbeddingJson>();
    const encoded = (await post({ input: ['a', 'bb', 'ccc'], encoding_format: 'base64' })).json<EmbeddingJson>();
    expect(floats.data.map((item) => item.index)).toEqual([0, 1, 2]);
    expect(floats.usage.prompt_tokens).toBe(3 + 4 + 5);
    for (const [index, item] of encoded.data.entries()) {
      const bytes = Buffer.from(item.embedding as string, 'base64');
      const decoded = Array.from({ length: bytes.length / 4 }, (_, at) => bytes.readFloatLE(at * 4));
      const expected = floats.data[index]?.embedding as number[];
      decoded.forEach((value, at) => expect(value).toBeCloseTo(expected[at] ?? Number.NaN, 6));
    }
  });

  it.each([
    [{ input: [[1, 2, 3]] }, 'input[0]', 'token_input_unsupported'],
    [{ input: [1, 2, 3] }, 'input[0]', 'token_input_unsupported'],
    [{ input: ['fine', ''] }, 'input[1]', null],
    [{ input: [] }, 'input', null],
    [{ input: 7 }, 'input', null],
    [{ input: Array.from({ length: MAX_EMBEDDING_INPUTS + 1 }, () => 'a') }, 'input', 'too_many_inputs'],
    [{ input: ['short', 'a'.repeat(14)] }, 'input[1]', 'context_length_exceeded'],
    [{ input: 'abc', dimensions: 2 }, 'dimensions', 'unsupported_dimensions'],
  ])('refuses bad input case %# with a 400 naming the field', async (payload, param, code) => {
    const response = await post(payload);
    expect(response.statusCode).toBe(400);
    expect(response.json<ErrorJson>().error).toMatchObject({ type: 'invalid_request_error', param, code });
  });

  it('accepts dimensions equal to the model’s own size', async () => {
    expect((await post({ input: 'abc', dimensions: 3 })).statusCode).toBe(200);
  });

  it('refuses an unknown encoding_format and a missing input', async () => {
    expect((await post({ input: 'abc', encoding_format: 'int8' })).json<ErrorJson>().error.param).toBe('encoding_format');
    expect((await post({})).json<ErrorJson>().error.param).toBe('input');
  });
});

describe('POST /v1/embeddings on a node without embeddings', () => {
  it('says the model cannot compute them', async () => {
    const node = await createFakeSwarmApp(new FakeSwarm());
    try {
      const response = await node.fastify.inject({ method: 'POST', url: '/v1/embeddings', payload: { input: 'abc' } });
      expect(response.statusCode).toBe(400);
      expect(response.json<ErrorJson>().error.code).toBe('embeddings_unavailable');
    } finally {
      await node.app.close();
    }
  });
});
