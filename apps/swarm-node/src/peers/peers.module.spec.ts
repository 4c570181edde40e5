/**
 * PeersModule in both modes, with the global CoreModule it injects from, on a fake swarm; and
 * startPeers, which the bootstrap calls once the API listens (discovery stays off here).
 */
import { FederatedSwarm, PeerDirectory } from '@local-swarm/federation';
import { FederationErrorCode } from '@local-swarm/federation-protocol';
import { startHealthyPeer, type TestHttpServer } from '@local-swarm/federation/testing';
import type { Swarm } from '@local-swarm/swarm-core';
import { Module, type DynamicModule, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { StartupError } from '../bootstrap/startup-error';
import { CoreModule } from '../core/core.module';
import { RequestEvents, type VoteFailed } from '../observability/request-events';
import { FakeSwarm } from '../testing/fake-swarm';
import { federationConfig, federationOptions, silentLogger } from '../testing/federation-fixtures';
import { TEST_NODE_SETTINGS } from '../testing/test-node-settings';
import type { FederationOptions } from './federation-options';
import { PEER_VIEW, type PeerView } from './peers.tokens';
import { PeersModule } from './peers.module';
import { startPeers } from './start-peers';

const contexts: INestApplicationContext[] = [];
const servers: TestHttpServer[] = [];
let events = new RequestEvents();

@Module({})
class TestRootModule {
  static with(federation: FederationOptions | null): DynamicModule {
    events = new RequestEvents();
    const swarm = new FakeSwarm() as unknown as Swarm;
    return {
      module: TestRootModule,
      imports: [CoreModule.forRoot({ swarm, settings: TEST_NODE_SETTINGS, logger: silentLogger(), events }), PeersModule.forRoot({ federation })],
    };
  }
}

async function context(federation: FederationOptions | null): Promise<INestApplicationContext> {
  const created = await NestFactory.createApplicationContext(TestRootModule.with(federation), { logger: false, abortOnError: false });
  contexts.push(created);
  return created;
}

afterEach(async () => {
  await Promise.all(contexts.splice(0).map((created) => created.close()));
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

describe('PeersModule with federation off', () => {
  it('provides a FederatedSwarm of this node alone and a PEER_VIEW without peers', async () => {
    const app = await context(null);
    const swarm = app.get(FederatedSwarm);
    expect(swarm).toBeInstanceOf(FederatedSwarm);
    expect(swarm.plan('vote').sources.map((source) => source.id)).toEqual(['local']);
    const view = app.get<PeerView>(PEER_VIEW);
    expect(view.federation).toBe(false);
    expect(view.counts()).toEqual({ total: 0, healthy: 0, unhealthy: 0, expired: 0 });
    expect(view.list()).toEqual([]);
    expect(() => view.subscribe(() => undefined)()).not.toThrow();
    expect(() => app.get(PeerDirectory)).toThrow();
  });

  it('starts no peers', async () => {
    expect(await startPeers(await context(null), 17615)).toEqual([]);
  });
});

describe('PeersModule with federation on', () => {
  it('provides the FederatedSwarm over the directory, with the configured weights, and a PEER_VIEW of it', async () => {
    const weights = { peers: { 'peer-a': 2 }, models: { 'peer-model': 3 } };
    const app = await context(federationOptions({ config: federationConfig({ weights }) }));
    const plan = app.get(FederatedSwarm).plan('vote');
    expect(plan).toMatchObject({ sourceWeights: weights.peers, modelWeights: weights.models });
    const view = app.get<PeerView>(PEER_VIEW);
    expect(view.federation).toBe(true);
    const directory = app.get(PeerDirectory);
    const changes: string[] = [];
    view.subscribe((change) => changes.push(`${change.kind} ${change.node_id ?? ''}`));
    directory.seen({ nodeId: 'peer-b', name: 'b', address: '10.0.0.2', port: 1, modelId: null, instances: null, lastSeen: 0 });
    expect(view.list()).toEqual([expect.objectContaining({ node_id: 'peer-b', status: 'unhealthy' })]);
    expect(view.counts()).toEqual({ total: 1, healthy: 0, unhealthy: 1, expired: 0 });
    expect(changes).toEqual(['added peer-b']);
  });

  it("turns the directory's failed votes into vote-failed events", async () => {
    const app = await context(federationOptions());
    const seen: VoteFailed[] = [];
    events.on('vote-failed', (event) => seen.push(event));
    app.get(PeerDirectory).onPeerFailure('peer-a', { code: FederationErrorCode.REFUSED, message: 'down', cause: null });
    expect(seen).toEqual([{ nodeId: 'peer-a', code: FederationErrorCode.REFUSED }]);
  });

  it('startPeers checks the configured peers and returns the banner lines', async () => {
    const peer = await startHealthyPeer('peer-a');
    servers.push(peer);
    const app = await context(federationOptions({ config: federationConfig({ peers: [`127.0.0.1:${peer.port}`] }) }));
    expect(await startPeers(app, 17615)).toEqual([`127.0.0.1:${peer.port} 127.0.0.1:${peer.port} (manual, healthy, peer-a)`]);
  });

  it('startPeers refuses a configured peer that does not parse, closing the app', async () => {
    const app = await context(federationOptions({ config: federationConfig({ peers: ['not an address'] }) }));
    const started = startPeers(app, 17615);
    await expect(started).rejects.toThrow(StartupError);
    await expect(started).rejects.toThrow(/^--peer not an address: /);
  });
});
