/**
 * POST/DELETE /v1/federation/peers: who may pick the peers (a client on this machine, or the
 * node's own dashboard), which addresses a peer may have, and that nothing a target answered, nor
 * how it failed, comes back to the caller.
 */
import { FederationErrorCode } from '@local-swarm/federation-protocol';
import {
  closedPort,
  peerHealthWire,
  sendJson,
  sendText,
  startHealthyPeer,
  startTestHttpServer,
  stall,
  type TestHttpServer,
} from '@local-swarm/federation/testing';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { createServer, type Server } from 'node:net';
import { FakeSwarm } from '../testing/fake-swarm';
import { createFederatedApp, federationConfig, type FederatedTestApp } from '../testing/federation-fixtures';

const LAN_CLIENT = '10.0.0.9';
/** What a browser sends from the node's own dashboard page. */
const DASHBOARD = { host: 'localhost:17615', origin: 'http://localhost:17615' };

const servers: TestHttpServer[] = [];
const apps: NestFastifyApplication[] = [];

async function track(server: Promise<TestHttpServer>): Promise<TestHttpServer> {
  const started = await server;
  servers.push(started);
  return started;
}

async function federatedApp(allowLoopbackPeers = true): Promise<FederatedTestApp> {
  const created = await createFederatedApp(new FakeSwarm(), { config: federationConfig({ allowLoopbackPeers }) });
  apps.push(created.app);
  return created;
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
  await Promise.all(apps.splice(0).map((app) => app.close()));
});

function addPeer(fastify: FastifyInstance, address: string, from: Partial<InjectOptions> = {}): Promise<LightMyRequestResponse> {
  return fastify.inject({
    method: 'POST',
    url: '/v1/federation/peers',
    payload: JSON.stringify({ address }),
    ...from,
    headers: { 'content-type': 'application/json', ...from.headers },
  });
}

describe('who may add and remove peers', () => {
  it('refuses a LAN client with 403 forbidden_peer_admin, and the target hears nothing', async () => {
    const { fastify, directory } = await federatedApp();
    const peer = await track(startHealthyPeer('node-peer'));
    for (const headers of [{}, { host: 'localhost:17615', origin: 'http://evil.example' }, { host: 'evil.example:17615', origin: 'http://localhost:17615' }]) {
      const response = await addPeer(fastify, `127.0.0.1:${peer.port}`, { remoteAddress: LAN_CLIENT, headers });
      expect(response.statusCode).toBe(403);
      expect(response.json()).toEqual({ error: expect.objectContaining({ type: 'permission_error', code: 'forbidden_peer_admin' }) });
    }
    expect(peer.requests).toEqual([]);
    expect(directory.list()).toEqual([]);
  });

  it("accepts a client on this machine and the node's own dashboard", async () => {
    const { fastify } = await federatedApp();
    const first = await track(startHealthyPeer('node-a'));
    const second = await track(startHealthyPeer('node-b'));
    expect((await addPeer(fastify, `127.0.0.1:${first.port}`)).statusCode).toBe(201);
    expect((await addPeer(fastify, `127.0.0.1:${second.port}`, { remoteAddress: LAN_CLIENT, headers: DASHBOARD })).statusCode).toBe(201);
  });

  it('removes a peer only for the same clients', async () => {
    const { fastify, directory } = await federatedApp();
    const peer = await track(startHealthyPeer('node-peer'));
    expect((await addPeer(fastify, `127.0.0.1:${peer.port}`)).statusCode).toBe(201);
    const remove = (from: Partial<InjectOptions>): Promise<LightMyRequestResponse> =>
      fastify.inject({ method: 'DELETE', url: '/v1/federation/peers/node-peer', ...from });

    const refused = await remove({ remoteAddress: LAN_CLIENT });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ error: { code: 'forbidden_peer_admin' } });
    expect(directory.list()).toHaveLength(1);
    expect((await remove({ remoteAddress: LAN_CLIENT, headers: DASHBOARD })).statusCode).toBe(204);
    expect(directory.list()).toEqual([]);
  });

  it('blocks (?block=true) only for the same clients: a LAN neighbour or a foreign page blocks nothing', async () => {
    const blocked = new Set<string>();
    const created = await createFederatedApp(new FakeSwarm(), { config: federationConfig({ allowLoopbackPeers: true }), blocked });
    apps.push(created.app);
    const block = (from: Partial<InjectOptions>): Promise<LightMyRequestResponse> =>
      created.fastify.inject({ method: 'DELETE', url: '/v1/federation/peers/node-victim?block=true', ...from });
    expect((await block({ remoteAddress: LAN_CLIENT })).statusCode).toBe(403);
    expect((await block({ remoteAddress: LAN_CLIENT, headers: { ...DASHBOARD, origin: 'http://evil.example' } })).statusCode).toBe(403);
    expect(blocked.size).toBe(0);
    expect((await block({ remoteAddress: LAN_CLIENT, headers: DASHBOARD })).statusCode).toBe(204);
    expect([...blocked]).toEqual(['node-victim']);
  });
});

describe('addresses a peer may have', () => {
  it.each(['127.0.0.1', '169.254.169.254', '100.100.100.200', '[fd00:ec2::254]', '8.8.8.8'])(
    'refuses %s with FEDERATION_ERR_FORBIDDEN_ADDRESS when loopback peers are not allowed',
    async (host) => {
      const { fastify, directory } = await federatedApp(false);
      const peer = await track(startHealthyPeer('node-peer'));
      const response = await addPeer(fastify, `${host}:${peer.port}`);
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ error: { param: 'address', code: FederationErrorCode.FORBIDDEN_ADDRESS } });
      expect(peer.requests).toEqual([]);
      expect(directory.list()).toEqual([]);
    },
  );
});

/** A TCP server that greets with a banner and hangs up (SSH, SMTP, Redis…). */
async function bannerServer(banner: string): Promise<{ port: number; server: Server }> {
  const server = createServer((socket) => socket.end(banner));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return { port: address.port, server };
}

describe('no echo: what the target answered never comes back', () => {
  const SECRET = 'internal-admin-token-4711';

  it('answers every failed target with the same status, code and message', async () => {
    const { fastify, directory } = await federatedApp();
    const banner = await bannerServer(`SSH-2.0-OpenSSH_9.6 ${SECRET}\r\n`);
    const targets = [
      `127.0.0.1:${await closedPort()}`,
      `127.0.0.1:${banner.port}`,
      `127.0.0.1:${(await track(startTestHttpServer((_request, response) => sendText(response, 500, `stack trace: ${SECRET}`)))).port}`,
      `127.0.0.1:${(await track(startTestHttpServer((_request, response) => sendJson(response, 403, { error: { message: SECRET, code: SECRET } })))).port}`,
      `127.0.0.1:${(await track(startTestHttpServer((_request, response) => sendJson(response, 200, { status: SECRET })))).port}`,
      `127.0.0.1:${(await track(startTestHttpServer((_request, _response, raw) => void raw.socket.destroy()))).port}`,
      `127.0.0.1:${(await track(startTestHttpServer(stall))).port}`,
      `openai+http://127.0.0.1:${(await track(startTestHttpServer((_request, response) => sendText(response, 404, SECRET)))).port}/v1`,
    ];
    try {
      const answers = await Promise.all(targets.map((address) => addPeer(fastify, address)));
      const bodies = answers.map((response) => ({ status: response.statusCode, body: response.json<unknown>() }));
      const expected = {
        status: 400,
        body: { error: { message: 'no Local Swarm peer answered at that address', type: 'invalid_request_error', param: 'address', code: 'peer_unreachable' } },
      };
      expect(bodies).toEqual(targets.map(() => expected));
      for (const response of answers) expect(response.body).not.toContain(SECRET);
      expect(directory.list()).toEqual([]);
    } finally {
      banner.server.close();
    }
  });
});

describe('a Local Swarm node of another protocol version', () => {
  it('is told apart from an unreachable address (the user must upgrade it), and nothing else it said comes back', async () => {
    const { fastify, directory } = await federatedApp();
    const newer = await track(
      startTestHttpServer((_request, response) => sendJson(response, 200, { ...peerHealthWire('newer-node'), protocol: 99, version: 'secret-9.9' })),
    );
    const response = await addPeer(fastify, `127.0.0.1:${newer.port}`);
    expect(response.statusCode).toBe(400);
    expect(response.json<{ error: { code: string } }>().error.code).toBe(FederationErrorCode.VERSION_MISMATCH);
    expect(response.body).not.toContain('secret-9.9');
    expect(directory.list()).toEqual([]);
  });
});
