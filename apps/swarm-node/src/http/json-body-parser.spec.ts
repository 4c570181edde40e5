import 'reflect-metadata';
import { Readable, Writable } from 'node:stream';
import pino from 'pino';
import { createSurfaceTestApp, type SurfaceTestApp } from '../testing/surface-test-app';
import { MAX_JSON_DEPTH } from '@local-swarm/federation-protocol';

const BODY_LIMIT = 2048;

/** A valid chat whose extra field `x` brings the whole body to `depth` levels of nesting. */
function nestedBody(depth: number): string {
  return `{"messages":[{"role":"user","content":"hi"}],"x":${'['.repeat(depth - 1)}${']'.repeat(depth - 1)}}`;
}

describe('JSON body parser (limits, depth, invalid JSON)', () => {
  let node: SurfaceTestApp;
  const logged: string[] = [];

  beforeAll(async () => {
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        logged.push(chunk.toString());
        done();
      },
    });
    node = await createSurfaceTestApp({ bodyLimit: BODY_LIMIT }, pino({ level: 'debug' }, sink));
  });

  afterAll(async () => {
    await node.app.close();
  });

  beforeEach(() => {
    logged.length = 0;
    node.swarm.requests.length = 0;
  });

  function post(payload: string | Readable, headers: Record<string, string> = {}) {
    return node.fastify.inject({ method: 'POST', url: '/v1/chat/completions', headers: { 'content-type': 'application/json', ...headers }, payload });
  }

  it(`refuses nesting deeper than ${MAX_JSON_DEPTH} with 400 json_too_deep, logging no error`, async () => {
    const response = await post(nestedBody(MAX_JSON_DEPTH + 1));
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({
      error: { message: `The JSON body nests deeper than ${MAX_JSON_DEPTH} levels.`, type: 'invalid_request_error', param: null, code: 'json_too_deep' },
    });
    expect(logged.join('')).not.toMatch(/"level":50|stack/);
    expect(node.swarm.requests).toHaveLength(0);
  });

  it('refuses a 1 MiB-deep body the same way, without a 500 (the limit is raised only for this case)', async () => {
    const deep = await createSurfaceTestApp({ bodyLimit: 4 * 1024 * 1024 });
    const text = `${'['.repeat(1024 * 1024)}${']'.repeat(1024 * 1024)}`;
    const response = await deep.fastify.inject({ method: 'POST', url: '/v1/chat/completions', headers: { 'content-type': 'application/json' }, payload: text });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { code: 'json_too_deep' } });
    await deep.app.close();
  });

  it(`reads nesting of exactly ${MAX_JSON_DEPTH} (validation then judges it)`, async () => {
    const response = await post(nestedBody(MAX_JSON_DEPTH));
    expect(response.statusCode).toBeLessThan(500);
    expect(response.json()).not.toMatchObject({ error: { code: 'json_too_deep' } });
  });

  it.each([
    ['truncated JSON', '{"messages": ['],
    ['a prototype key', '{"__proto__": {"admin": true}, "messages": []}'],
    ['a bare word', 'hello'],
  ])('refuses %s with 400 invalid_json', async (_label, text) => {
    const response = await post(text);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { type: 'invalid_request_error', code: 'invalid_json', message: expect.stringMatching(/JSON/) } });
    expect(logged.join('')).not.toMatch(/"level":50/);
  });

  it('refuses an empty body with 400 invalid_json', async () => {
    const response = await post('');
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { code: 'invalid_json', message: 'The request body is empty; send a JSON object.' } });
  });

  it('refuses a declared body over --body-limit with 413 body_too_large before reading it, and closes the connection', async () => {
    const body = `{"messages":[],"pad":"${'x'.repeat(BODY_LIMIT)}"}`;
    const response = await post(body);
    expect(response.statusCode).toBe(413);
    expect(response.headers['connection']).toBe('close');
    expect(response.json()).toEqual({
      error: {
        message: `The request body has ${Buffer.byteLength(body)} bytes; this node accepts at most ${BODY_LIMIT} (--body-limit).`,
        type: 'invalid_request_error',
        param: null,
        code: 'body_too_large',
      },
    });
  });

  it('cuts a chunked body that grows over --body-limit with 413 body_too_large', async () => {
    const stream = Readable.from([Buffer.from('{"messages":[],"pad":"'), Buffer.from('x'.repeat(BODY_LIMIT)), Buffer.from('"}')]);
    const response = await post(stream, { 'transfer-encoding': 'chunked' });
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ error: { type: 'invalid_request_error', code: 'body_too_large' } });
    expect(node.swarm.requests).toHaveLength(0);
  });

  it('serves a body just under the limit', async () => {
    const body = JSON.stringify({ messages: [{ role: 'user', content: 'x'.repeat(BODY_LIMIT - 100) }] });
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(BODY_LIMIT);
    expect((await post(body)).statusCode).toBe(200);
  });
});
