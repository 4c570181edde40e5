import 'reflect-metadata';
import type { InjectOptions } from 'fastify';
import { useSurfaceTestApp } from '../testing/surface-test-app';

const HOST = 'node-a.local:17615';
const OWN_ORIGIN = `http://${HOST}`;
const TOOLS_ORIGIN = 'http://tools.lan:3000';
const CHAT = { messages: [{ role: 'user', content: 'What is 2 + 3?' }] };

function chat(headers: Record<string, string>): InjectOptions {
  return { method: 'POST', url: '/v1/chat/completions', headers: { host: HOST, 'content-type': 'application/json', ...headers }, payload: CHAT };
}

function state(headers: Record<string, string>): InjectOptions {
  return { method: 'GET', url: '/v1/dashboard/state', headers: { host: HOST, ...headers } };
}

describe('browser rules (Origin, Sec-Fetch-Site)', () => {
  const app = useSurfaceTestApp();

  it.each([
    ['a foreign Origin on a chat', chat({ origin: 'http://evil.example' })],
    ['a foreign Origin on a read', state({ origin: 'http://evil.example' })],
    ['another port of the same host', state({ origin: 'http://node-a.local:3000' })],
    ['https of the same host', state({ origin: 'https://node-a.local:17615' })],
    ['Origin: null (sandboxed frame, file page)', chat({ origin: 'null' })],
    ['Sec-Fetch-Site: cross-site without Origin (<script src>)', state({ 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'no-cors', 'sec-fetch-dest': 'script' })],
    ['a cross-site frame', state({ 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'navigate', 'sec-fetch-dest': 'iframe' })],
    ['an Origin allowed nowhere, even with same-origin fetch metadata', chat({ origin: 'http://evil.example', 'sec-fetch-site': 'same-origin' })],
  ])('refuses %s with 403 forbidden_origin', async (_label, request) => {
    const response = await app().fastify.inject(request);
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ error: { type: 'permission_error', param: null, code: 'forbidden_origin' } });
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
    expect(app().swarm.requests).toHaveLength(0);
  });

  it('serves the dashboard from its own origin: page, state, event stream headers, chat, peer removal', async () => {
    const page = await app().fastify.inject({ method: 'GET', url: '/', headers: { host: HOST, 'sec-fetch-site': 'none', 'sec-fetch-mode': 'navigate', 'sec-fetch-dest': 'document' } });
    expect(page.statusCode).toBe(200);
    const fetched = { origin: OWN_ORIGIN, 'sec-fetch-site': 'same-origin', 'sec-fetch-mode': 'cors' };
    expect((await app().fastify.inject(state({ 'sec-fetch-site': 'same-origin' }))).statusCode).toBe(200);
    const answer = await app().fastify.inject(chat({ ...fetched, 'x-request-id': 'dash-0123456789abcdef' }));
    expect(answer.statusCode).toBe(200);
    expect(answer.headers['access-control-allow-origin']).toBeUndefined();
    const removal = await app().fastify.inject({ method: 'DELETE', url: '/v1/federation/peers/nobody', headers: { host: HOST, ...fetched } });
    expect([403, 415]).not.toContain(removal.statusCode);
  });

  it('compares the own origin case-insensitively', async () => {
    const response = await app().fastify.inject(chat({ origin: 'http://NODE-A.local:17615' }));
    expect(response.statusCode).toBe(200);
  });

  it('lets a link from another site open the dashboard page (a top-level navigation cannot read it)', async () => {
    const response = await app().fastify.inject({
      method: 'GET',
      url: '/',
      headers: { host: HOST, 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'navigate', 'sec-fetch-dest': 'document' },
    });
    expect(response.statusCode).toBe(200);
  });

  it('leaves programs alone: no Origin, no fetch metadata', async () => {
    expect((await app().fastify.inject(chat({}))).statusCode).toBe(200);
  });
});

describe('CORS for --cors-origin', () => {
  const app = useSurfaceTestApp({ corsOrigins: [TOOLS_ORIGIN] });

  it('answers the preflight of an allowed origin', async () => {
    const response = await app().fastify.inject({
      method: 'OPTIONS',
      url: '/v1/chat/completions',
      headers: {
        host: HOST,
        origin: TOOLS_ORIGIN,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type,x-swarm-strategy',
        'sec-fetch-site': 'cross-site',
      },
    });
    expect(response.statusCode).toBe(204);
    expect(response.headers['access-control-allow-origin']).toBe(TOOLS_ORIGIN);
    expect(response.headers['vary']).toContain('Origin');
    expect(response.headers['access-control-allow-methods']).toBe('GET, POST, DELETE');
    expect(response.headers['access-control-allow-headers']).toBe('Content-Type, Authorization, X-Request-Id, X-Swarm-Strategy, X-Swarm-Mode');
  });

  it('serves an allowed origin cross-site, echoing it', async () => {
    const response = await app().fastify.inject(chat({ origin: TOOLS_ORIGIN, 'sec-fetch-site': 'cross-site' }));
    expect(response.statusCode).toBe(200);
    expect(response.headers['access-control-allow-origin']).toBe(TOOLS_ORIGIN);
    expect(response.headers['vary']).toContain('Origin');
  });

  it('refuses other origins, preflight included, without CORS headers', async () => {
    const preflight = await app().fastify.inject({
      method: 'OPTIONS',
      url: '/v1/chat/completions',
      headers: { host: HOST, origin: 'http://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.statusCode).toBe(403);
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    expect(preflight.headers['access-control-allow-methods']).toBeUndefined();
    const read = await app().fastify.inject(state({ origin: 'http://evil.example' }));
    expect(read.statusCode).toBe(403);
    expect(read.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('gives its own pages no CORS headers', async () => {
    const response = await app().fastify.inject(chat({ origin: OWN_ORIGIN }));
    expect(response.statusCode).toBe(200);
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });
});
