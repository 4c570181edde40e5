import type { NetworkInterfaceTable } from '@local-swarm/net-binding';
import Fastify, { type FastifyInstance, type onRequestAsyncHookHandler } from 'fastify';
import { privateNetworkOnly, privateNetworkOnlyFor } from './private-network-only.hook';

const INTERFACES: NetworkInterfaceTable = {
  eth0: [{ address: '100.70.0.2', netmask: '255.192.0.0', family: 'IPv4', mac: '00:00:00:00:00:00', internal: false, cidr: '100.70.0.2/10' }],
  tailscale0: [{ address: '100.101.1.2', netmask: '255.255.255.255', family: 'IPv4', mac: '00:00:00:00:00:00', internal: false, cidr: '100.101.1.2/32' }],
};

describe('privateNetworkOnly', () => {
  let handled: number;

  /** An app whose connections all arrive on `localAddress` (inject's socket has none of its own). */
  async function appWith(hook: onRequestAsyncHookHandler, localAddress?: string): Promise<FastifyInstance> {
    const app = Fastify();
    if (localAddress !== undefined) {
      app.addHook('onRequest', async (request) => {
        Object.defineProperty(request.socket, 'localAddress', { value: localAddress, configurable: true });
      });
    }
    app.addHook('onRequest', hook);
    app.get('/ping', async () => {
      handled += 1;
      return { pong: true };
    });
    await app.ready();
    return app;
  }

  let app: FastifyInstance;

  beforeAll(async () => {
    app = await appWith(privateNetworkOnly);
  });

  afterAll(async () => {
    await app.close();
  });

  beforeEach(() => {
    handled = 0;
  });

  it.each(['127.0.0.1', '10.1.2.3', '192.168.1.5', '172.16.4.4', '169.254.1.1', '::1', 'fd00::5', '::ffff:192.168.0.1'])(
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

  describe('CGNAT clients (100.64.0.0/10)', () => {
    it('refuses one arriving on eth0, saying why', async () => {
      const onEth0 = await appWith(privateNetworkOnlyFor({ requestedHost: null, interfaces: () => INTERFACES }), '100.70.0.2');
      const response = await onEth0.inject({ method: 'GET', url: '/ping', remoteAddress: '100.64.0.7' });
      expect(response.statusCode).toBe(403);
      expect(response.json()).toMatchObject({ error: { code: 'forbidden_address', message: expect.stringContaining('only over a tunnel interface') } });
      expect(handled).toBe(0);
      await onEth0.close();
    });

    it('refuses one whose arrival address is unknown', async () => {
      const response = await app.inject({ method: 'GET', url: '/ping', remoteAddress: '100.64.0.7' });
      expect(response.statusCode).toBe(403);
    });

    it('serves one arriving on tailscale0', async () => {
      const onTailnet = await appWith(privateNetworkOnlyFor({ requestedHost: null, interfaces: () => INTERFACES }), '100.101.1.2');
      const response = await onTailnet.inject({ method: 'GET', url: '/ping', remoteAddress: '100.64.0.7' });
      expect(response.statusCode).toBe(200);
      expect(handled).toBe(1);
      await onTailnet.close();
    });

    it('serves one anywhere when --host itself is a CGNAT address', async () => {
      const named = await appWith(privateNetworkOnlyFor({ requestedHost: '100.70.0.2', interfaces: () => INTERFACES }), '100.70.0.2');
      const response = await named.inject({ method: 'GET', url: '/ping', remoteAddress: '100.64.0.7' });
      expect(response.statusCode).toBe(200);
      await named.close();
    });
  });
});
