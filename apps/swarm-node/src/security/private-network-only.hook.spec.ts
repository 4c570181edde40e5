import Fastify, { type FastifyInstance } from 'fastify';
import { privateNetworkOnly } from './private-network-only.hook';

describe('privateNetworkOnly', () => {
  let app: FastifyInstance;
  let handled: number;

  beforeAll(async () => {
    app = Fastify();
    app.addHook('onRequest', privateNetworkOnly);
    app.get('/ping', async () => {
      handled += 1;
      return { pong: true };
    });
    await app.ready();
  });

  afterAll(async () => {
    await app.close();
  });

  beforeEach(() => {
    handled = 0;
  });

  it.each(['127.0.0.1', '10.1.2.3', '192.168.1.5', '172.16.4.4', '100.64.0.7', '169.254.1.1', '::1', 'fd00::5', '::ffff:192.168.0.1'])(
    'lets %s through',
    async (remoteAddress) => {
      const response = await app.inject({ method: 'GET', url: '/ping', remoteAddress });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ pong: true });
      expect(handled).toBe(1);
    },
  );

  it.each(['8.8.8.8', '203.0.113.9', '2001:4860::1', '::ffff:8.8.8.8', '100.128.0.1'])(
    'refuses %s with 403 in OpenAI shape before the route runs',
    async (remoteAddress) => {
      const response = await app.inject({ method: 'GET', url: '/ping', remoteAddress });
      expect(response.statusCode).toBe(403);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      expect(response.json()).toEqual({
        error: {
          message: `Local Swarm serves only loopback, private and CGNAT networks; ${remoteAddress} is not one of them`,
          type: 'permission_error',
          param: null,
          code: 'forbidden_address',
        },
      });
      expect(handled).toBe(0);
    },
  );

  it('refuses a public client even on an unknown route (the hook runs before routing to 404)', async () => {
    const response = await app.inject({ method: 'POST', url: '/v1/chat/completions', remoteAddress: '8.8.4.4' });
    expect(response.statusCode).toBe(403);
  });
});
