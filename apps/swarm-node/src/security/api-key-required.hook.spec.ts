/**
 * A node started with --api-key-file: which routes need `Authorization: Bearer <key>` and how a
 * refusal looks (OpenAI's 401 `invalid_api_key`), on the whole app with start-node's guards.
 */
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { AppModule } from '../app.module';
import { createHttpApp } from '../bootstrap/create-http-app';
import { DEFAULT_NODE_CONFIG } from '../config';
import { RequestEvents } from '../observability/request-events';
import { FakeSwarm } from '../testing/fake-swarm';
import { federationOptions } from '../testing/federation-fixtures';
import { useSurfaceTestApp } from '../testing/surface-test-app';
import { TEST_NODE_SETTINGS } from '../testing/test-node-settings';
import { ApiKey } from './api-key';

const KEY = 'k3y-for-tests_0123456789.ABCDEFGHIJ~+/=';
const BEARER = { authorization: `Bearer ${KEY}` };

/** Data routes: the API, metrics and the dashboard's state and events. */
const GUARDED_GETS = ['/v1/models', '/v1/models/any', '/metrics', '/v1/dashboard/state', '/v1/dashboard/events'];

describe('a node with an API key', () => {
  const node = useSurfaceTestApp({ apiKey: new ApiKey(KEY) });

  it.each(GUARDED_GETS)('refuses GET %s without the key: 401 invalid_api_key, WWW-Authenticate: Bearer', async (url) => {
    const response = await node().fastify.inject({ method: 'GET', url });
    expect(response.statusCode).toBe(401);
    expect(response.headers['www-authenticate']).toBe('Bearer');
    expect(response.json()).toEqual({ error: { message: expect.stringContaining('Authorization: Bearer'), type: 'invalid_request_error', param: null, code: 'invalid_api_key' } });
  });

  it.each([`Bearer ${KEY}x`, `Bearer ${KEY.slice(0, -1)}`, `Basic ${KEY}`, KEY, 'Bearer '])('refuses Authorization %j', async (authorization) => {
    const response = await node().fastify.inject({ method: 'GET', url: '/v1/models', headers: { authorization } });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ error: { code: 'invalid_api_key' } });
    expect(response.body).not.toContain(KEY);
  });

  it('refuses a chat without the key before it reaches the swarm', async () => {
    const body = { messages: [{ role: 'user', content: 'hi' }] };
    const response = await node().fastify.inject({ method: 'POST', url: '/v1/chat/completions', payload: body });
    expect(response.statusCode).toBe(401);
    expect(node().swarm.requests).toHaveLength(0);
  });

  it('refuses the same route spelled with percent-encoding or a query string', async () => {
    for (const url of ['/v1/%6dodels', '/v1/models?x=1', '/metrics?']) {
      const response = await node().fastify.inject({ method: 'GET', url });
      expect(response.statusCode).toBe(401);
    }
  });

  it.each(['/v1/models', '/metrics', '/v1/dashboard/state'])('serves GET %s with the key', async (url) => {
    const response = await node().fastify.inject({ method: 'GET', url, headers: BEARER });
    expect(response.statusCode).toBe(200);
  });

  it('accepts the scheme in any case, as RFC 9110 asks', async () => {
    const response = await node().fastify.inject({ method: 'GET', url: '/v1/models', headers: { authorization: `bearer ${KEY}` } });
    expect(response.statusCode).toBe(200);
  });

  it.each(['/health', '/', '/assets/app.js', '/assets/api.js'])('serves %s without the key', async (url) => {
    const response = await node().fastify.inject({ method: 'GET', url });
    expect(response.statusCode).toBe(200);
  });
});

describe('a node without an API key', () => {
  const node = useSurfaceTestApp();

  it.each(['/v1/models', '/metrics', '/v1/dashboard/state'])('serves GET %s as before', async (url) => {
    expect((await node().fastify.inject({ method: 'GET', url })).statusCode).toBe(200);
  });
});

describe('federation routes of a node with an API key', () => {
  let app: NestFastifyApplication;
  let fastify: FastifyInstance;

  beforeAll(async () => {
    const logger = pino({ level: 'silent' });
    const root = AppModule.forRoot({ swarm: new FakeSwarm(), settings: TEST_NODE_SETTINGS, logger, events: new RequestEvents(), federation: federationOptions() });
    app = await createHttpApp(root, logger, TEST_NODE_SETTINGS.version, { ...DEFAULT_NODE_CONFIG, apiKey: new ApiKey(KEY) });
    await app.init();
    fastify = app.getHttpAdapter().getInstance();
    await fastify.ready();
  });

  afterAll(async () => {
    await app.close();
  });

  it('keeps the peer list behind the key', async () => {
    expect((await fastify.inject({ method: 'GET', url: '/v1/federation/peers' })).statusCode).toBe(401);
    expect((await fastify.inject({ method: 'POST', url: '/v1/federation/peers', payload: { address: '10.0.0.7:17615' } })).statusCode).toBe(401);
    expect((await fastify.inject({ method: 'GET', url: '/v1/federation/peers', headers: BEARER })).statusCode).toBe(200);
  });

  it('leaves the node-to-node routes to the peers, as without a key', async () => {
    expect((await fastify.inject({ method: 'GET', url: '/v1/federation/health' })).statusCode).toBe(200);
    const vote = await fastify.inject({ method: 'POST', url: '/v1/federation/vote', payload: {} });
    expect(vote.statusCode).toBe(400);
  });
});
