/**
 * The official `openai` client against a node with an API key, over a real loopback socket: its
 * `apiKey` option is all a user needs, and a wrong key surfaces as the client's 401 error.
 */
import type { AddressInfo } from 'node:net';
import OpenAI, { AuthenticationError } from 'openai';
import { createSurfaceTestApp, type SurfaceTestApp } from '../testing/surface-test-app';
import { ApiKey } from './api-key';

const KEY = 'openai-client-key_0123456789abcdefghij';

describe('the openai client and a node with an API key', () => {
  let node: SurfaceTestApp;
  let baseURL: string;

  beforeAll(async () => {
    node = await createSurfaceTestApp({ apiKey: new ApiKey(KEY) });
    await node.app.listen({ port: 0, host: '127.0.0.1' });
    baseURL = `http://127.0.0.1:${(node.app.getHttpServer().address() as AddressInfo).port}/v1`;
  });

  afterAll(async () => {
    await node.app.close();
  });

  it('works with the key as apiKey', async () => {
    const client = new OpenAI({ apiKey: KEY, baseURL, maxRetries: 0 });
    const models = await client.models.list();
    expect(models.data.length).toBeGreaterThan(0);
    const completion = await client.chat.completions.create({ model: 'any', messages: [{ role: 'user', content: 'hi' }], max_tokens: 4 });
    expect(completion.choices.length).toBeGreaterThan(0);
  });

  it('gets an AuthenticationError (401 invalid_api_key) with another key', async () => {
    const client = new OpenAI({ apiKey: 'not-the-key', baseURL, maxRetries: 0 });
    node.swarm.requests.splice(0);
    const failure = await client.chat.completions.create({ model: 'any', messages: [{ role: 'user', content: 'hi' }] }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(AuthenticationError);
    expect(failure).toMatchObject({ status: 401, code: 'invalid_api_key' });
    expect(node.swarm.requests).toHaveLength(0);
  });
});
