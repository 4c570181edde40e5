import { formatJoinString, generateNodeIdentity, newSwarmKey, swarmMembership, type SwarmMembership } from '@local-swarm/federation-protocol';
import { isTrustedClientAddress } from '@local-swarm/net-binding';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import pino from 'pino';
import { networkInterfaces } from 'node:os';
import { Writable } from 'node:stream';
import { AppModule } from '../app.module';
import { createHttpApp } from '../bootstrap/create-http-app';
import { DEFAULT_NODE_CONFIG } from '../config';
import { ApiKey } from '../security/api-key';
import { RequestEvents } from '../observability/request-events';
import type { Swarm } from '@local-swarm/swarm-core';
import { FakeSwarm } from '../testing/fake-swarm';
import { createFederatedApp, federationOptions } from '../testing/federation-fixtures';
import { createTestApp } from '../testing/create-test-app';
import { TEST_NODE_SETTINGS } from '../testing/test-node-settings';

const LAN_CLIENT = '10.0.0.9';
const API_KEY = 'join-spec-key_0123456789abcdefghijklmn';
const DASHBOARD = { host: 'localhost:17615', origin: 'http://localhost:17615' };

const apps: NestFastifyApplication[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()));
});

function pairedMembership(): SwarmMembership {
  return swarmMembership(newSwarmKey(), generateNodeIdentity());
}

async function askJoin(membership: SwarmMembership | null, from: Partial<InjectOptions> = {}): Promise<LightMyRequestResponse> {
  const created = await createFederatedApp(new FakeSwarm(), { membership });
  apps.push(created.app);
  return created.fastify.inject({ method: 'GET', url: '/v1/federation/join', ...from });
}

/** A paired node as start-node creates it (every request hook, the given logger and API key), not listening. */
async function pairedHttpApp(membership: SwarmMembership, logger: pino.Logger, apiKey?: ApiKey): Promise<FastifyInstance> {
  const root = AppModule.forRoot({
    swarm: new FakeSwarm() as unknown as Swarm,
    settings: TEST_NODE_SETTINGS,
    logger,
    events: new RequestEvents(),
    federation: federationOptions({ membership, nodeId: membership.identity.nodeId }),
  });
  const app = await createHttpApp(root, logger, TEST_NODE_SETTINGS.version, apiKey === undefined ? DEFAULT_NODE_CONFIG : { ...DEFAULT_NODE_CONFIG, apiKey });
  apps.push(app);
  await app.init();
  const fastify = app.getHttpAdapter().getInstance();
  await fastify.ready();
  return fastify;
}

describe('GET /v1/federation/join', () => {
  it('gives a client on this machine the join string and the command, never to be cached', async () => {
    const membership = pairedMembership();
    const join = formatJoinString(membership.swarmKey);
    for (const headers of [{}, DASHBOARD]) {
      const response = await askJoin(membership, { remoteAddress: '127.0.0.1', headers });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ join, command: `local-swarm --federation --join ${join}` });
      expect(response.headers['cache-control']).toBe('no-store');
    }
  });

  it("gives it to a client on this machine that reaches the node through this machine's own LAN address", async () => {
    // One this node would serve at all (a private or link-local address: a LAN's, not the internet's).
    const own = Object.values(networkInterfaces())
      .flatMap((addresses) => addresses ?? [])
      .find((entry) => !entry.internal && isTrustedClientAddress(entry.address))?.address;
    if (own === undefined) throw new Error('this test needs a machine with a private, non-loopback address');
    const membership = pairedMembership();
    const response = await askJoin(membership, { remoteAddress: own, headers: DASHBOARD });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ join: formatJoinString(membership.swarmKey) });
  });

  it.each([
    ['a LAN client', { remoteAddress: LAN_CLIENT }],
    ["the dashboard opened from the LAN (its own origin)", { remoteAddress: LAN_CLIENT, headers: DASHBOARD }],
    ['a page of another origin on this machine', { remoteAddress: '127.0.0.1', headers: { ...DASHBOARD, origin: 'http://evil.example' } }],
    ['a sandboxed page on this machine (Origin: null)', { remoteAddress: '::1', headers: { ...DASHBOARD, origin: 'null' } }],
  ])('refuses %s with 403 join_string_loopback_only and no key', async (_who, from) => {
    const membership = pairedMembership();
    const response = await askJoin(membership, from);
    expect(response.statusCode).toBe(403);
    expect(response.json()).toEqual({ error: expect.objectContaining({ type: 'permission_error', code: 'join_string_loopback_only' }) });
    expect(response.body).not.toContain(formatJoinString(membership.swarmKey));
  });

  it('refuses a LAN client even when it holds the API key of a node started with one', async () => {
    const membership = pairedMembership();
    const fastify = await pairedHttpApp(membership, pino({ level: 'silent' }), new ApiKey(API_KEY));
    const asked = (remoteAddress: string): Promise<LightMyRequestResponse> =>
      fastify.inject({ method: 'GET', url: '/v1/federation/join', remoteAddress, headers: { host: 'localhost:17615', authorization: `Bearer ${API_KEY}` } });
    const refused = await asked(LAN_CLIENT);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ error: { code: 'join_string_loopback_only' } });
    expect((await asked('127.0.0.1')).statusCode).toBe(200);
  });

  it('says open federation has no join string (409), even to this machine', async () => {
    const response = await askJoin(null);
    expect(response.statusCode).toBe(409);
    expect(response.json()).toEqual({ error: expect.objectContaining({ code: 'federation_open', message: expect.stringContaining('--federation-open') }) });
  });

  it('says federation is off (404) on a node without it', async () => {
    const { app, fastify, ready } = await createTestApp(
      AppModule.forRoot({ swarm: new FakeSwarm() as unknown as Swarm, settings: TEST_NODE_SETTINGS, logger: pino({ level: 'silent' }), events: new RequestEvents(), federation: null }),
    );
    apps.push(app);
    await ready();
    const response = await fastify.inject({ method: 'GET', url: '/v1/federation/join', headers: { host: 'localhost:17615' } });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ error: expect.objectContaining({ code: 'federation_off', message: expect.stringContaining('--federation') }) });
  });

  it('never writes the join string or the key to the log, whatever the level', async () => {
    let logged = '';
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        logged += chunk.toString('utf8');
        done();
      },
    });
    const membership = pairedMembership();
    const fastify = await pairedHttpApp(membership, pino({ level: 'trace' }, sink));
    const response = await fastify.inject({ method: 'GET', url: '/v1/federation/join', headers: { host: 'localhost:17615' } });
    expect(response.statusCode).toBe(200);
    await apps.pop()?.close();
    const join = formatJoinString(membership.swarmKey);
    expect(logged).toContain('/v1/federation/join');
    expect(logged).not.toContain(join);
    expect(logged).not.toContain(join.slice('lsjoin1:'.length));
    expect(logged).not.toContain(membership.swarmKey.bytes().toString('hex'));
  });
});
