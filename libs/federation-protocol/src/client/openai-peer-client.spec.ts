/**
 * An OpenAI-compatible peer given an API key: the key goes as `Authorization: Bearer` to that
 * server on every call, and never into what the client reports.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { sendJson, startTestServer, type TestServer } from '../testing/test-server';
import { OpenAiPeerClient } from './openai-peer-client';

const KEY = 'sk-peer-key_0123456789abcdefghijklmn';

describe('OpenAiPeerClient with an API key', () => {
  let server: TestServer;
  const seen: IncomingHttpHeaders[] = [];

  beforeAll(async () => {
    server = await startTestServer((request, response) => {
      seen.push(request.headers);
      if (request.headers.authorization !== `Bearer ${KEY}`) {
        sendJson(response, 401, { error: { message: 'Incorrect API key provided', type: 'invalid_request_error', code: 'invalid_api_key' } });
      } else if (request.url === '/v1/models') {
        sendJson(response, 200, { object: 'list', data: [{ id: 'served-model' }] });
      } else {
        sendJson(response, 200, { choices: [{ index: 0, message: { role: 'assistant', content: 'yes' }, finish_reason: 'stop' }] });
      }
    });
  });

  afterAll(async () => {
    await server.close();
  });

  beforeEach(() => {
    seen.splice(0);
  });

  const chat = { model: 'served-model', maxTokens: 4, prompt: { kind: 'chat' as const, messages: [{ role: 'user' as const, content: 'hi' }] } };

  it('sends the key on health checks and completions', async () => {
    const client = new OpenAiPeerClient({ allowLoopback: true, baseUrl: `${server.url}/v1`, apiKey: KEY });
    const health = await client.health();
    expect(health.ok && health.value.modelId).toBe('served-model');
    const completion = await client.complete(chat, { deadlineMs: 2000 });
    expect(completion.ok).toBe(true);
    expect(seen.map((headers) => headers.authorization)).toEqual([`Bearer ${KEY}`, `Bearer ${KEY}`]);
    expect(JSON.stringify(client)).not.toContain(KEY);
    expect(client.baseUrl).not.toContain(KEY);
  });

  it('sends no Authorization without a key, and reports the refusal without the key in it', async () => {
    const client = new OpenAiPeerClient({ allowLoopback: true, baseUrl: `${server.url}/v1` });
    const health = await client.health();
    expect(health.ok).toBe(false);
    expect(seen[0]?.authorization).toBeUndefined();
    expect(JSON.stringify(health)).not.toContain(KEY);
  });
});
