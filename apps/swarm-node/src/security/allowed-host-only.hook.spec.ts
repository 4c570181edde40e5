import 'reflect-metadata';
import { hostname } from 'node:os';
import { useSurfaceTestApp } from '../testing/surface-test-app';

/** Every kind of route: dashboard page and state, event stream, metrics, peers, API, docs, a 404. */
const ROUTES = [
  ['GET', '/'],
  ['GET', '/v1/dashboard/state'],
  ['GET', '/v1/dashboard/events'],
  ['GET', '/metrics'],
  ['GET', '/v1/federation/peers'],
  ['POST', '/v1/federation/peers'],
  ['GET', '/v1/models'],
  ['POST', '/v1/chat/completions'],
  ['GET', '/health'],
  ['GET', '/docs'],
  ['GET', '/no-such-route'],
] as const;

describe('Host allow-list (DNS rebinding)', () => {
  const app = useSurfaceTestApp({ allowedHosts: ['swarm.lan'] });

  it.each(ROUTES)('refuses %s %s for a rebound name with 403 forbidden_host', async (method, url) => {
    const response = await app().fastify.inject({
      method,
      url,
      headers: { host: 'rebind.example:17615', 'content-type': 'application/json' },
      ...(method === 'POST' && { payload: { messages: [{ role: 'user', content: 'hi' }] } }),
    });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toEqual({
      error: {
        message: 'This node does not answer to the host "rebind.example:17615"; if that name is yours, start the node with --allowed-host.',
        type: 'permission_error',
        param: null,
        code: 'forbidden_host',
      },
    });
    expect(app().swarm.requests).toHaveLength(0);
  });

  it.each([['localhost@rebind.example'], ['localhost/x'], ['::1']])('refuses the malformed Host %j (empty and missing: create-http-app.spec.ts, over a real socket)', async (host) => {
    const response = await app().fastify.inject({ method: 'GET', url: '/v1/dashboard/state', headers: { host } });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ error: { code: 'forbidden_host' } });
  });

  it.each([
    ['localhost:80'],
    ['LOCALHOST'],
    ['dash.localhost:17615'],
    ['node-a.local:17615'],
    [`${hostname()}:17615`],
    [`${hostname()}.local`],
    ['127.0.0.1:17615'],
    ['[::1]:17615'],
    ['Swarm.LAN:17615'],
  ])('serves Host %s', async (host) => {
    const response = await app().fastify.inject({ method: 'GET', url: '/v1/dashboard/state', headers: { host } });
    expect(response.statusCode).toBe(200);
  });
});
