/**
 * DiscoveryService with mDNS faked: `createDiscoveryService` is replaced by a fake that records
 * calls and lets the test emit peer events. No multicast socket is ever opened here.
 */
import { createDiscoveryService, type PeerInfo, type SwarmDiscovery } from '@local-swarm/discovery';
import type { PeerDirectory } from '@local-swarm/federation';
import { FEDERATION_PROTOCOL_VERSION, generateNodeIdentity, newSwarmKey, SEAL_PROTOCOL_VERSION, swarmMembership } from '@local-swarm/federation-protocol';
import { startHealthyPeer, type TestHttpServer } from '@local-swarm/federation/testing';
import { EventEmitter } from 'node:events';
import { FakeSwarm } from '../testing/fake-swarm';
import {
  createFederatedApp,
  federationConfig,
  federationOptions,
  LOOPBACK_BIND,
  newPeerDirectory,
  silentLogger,
  TEST_NODE_ID,
} from '../testing/federation-fixtures';
import { TEST_NODE_SETTINGS } from '../testing/test-node-settings';
import { DiscoveryService } from './discovery.service';
import type { FederationOptions } from './federation-options';

jest.mock('@local-swarm/discovery', () => ({ createDiscoveryService: jest.fn() }));

const createDiscovery = jest.mocked(createDiscoveryService);

/** Stands in for SwarmDiscovery: records the lifecycle calls; the test emits its events. */
class FakeDiscovery extends EventEmitter {
  readonly calls: string[] = [];
  readonly startAdvertising = jest.fn<Promise<void>, [unknown]>(async () => {
    this.calls.push('startAdvertising');
  });
  readonly startDiscovery = jest.fn(async () => {
    this.calls.push('startDiscovery');
  });
  readonly stop = jest.fn(async () => {
    this.calls.push('stop');
  });
}

const LAN_BIND = { address: '192.168.1.20', addressClass: 'private', interfaceName: 'eth0', reason: 'test', warning: null } as const;

function peerInfo(overrides: Partial<PeerInfo> = {}): PeerInfo {
  return {
    nodeId: 'node-lan',
    name: 'local-swarm desk 17615',
    address: '192.168.1.21',
    addresses: ['192.168.1.21'],
    port: 17615,
    version: '0.1.0',
    protocol: FEDERATION_PROTOCOL_VERSION,
    instances: 3,
    modelId: 'lan-model',
    hardwareSummary: 'desk',
    lastSeen: new Date(),
    ...overrides,
  };
}

describe('DiscoveryService', () => {
  let fake: FakeDiscovery;
  let directory: PeerDirectory;
  const services: DiscoveryService[] = [];
  const servers: TestHttpServer[] = [];

  function service(options: FederationOptions): DiscoveryService {
    directory = newPeerDirectory(options);
    const created = new DiscoveryService(options, new FakeSwarm(), TEST_NODE_SETTINGS, silentLogger(), directory);
    services.push(created);
    return created;
  }

  beforeEach(() => {
    fake = new FakeDiscovery();
    createDiscovery.mockReset();
    createDiscovery.mockReturnValue(fake as unknown as SwarmDiscovery);
  });

  afterEach(async () => {
    await Promise.all(services.splice(0).map((created) => created.onApplicationShutdown()));
    await Promise.all(servers.splice(0).map((server) => server.close()));
  });

  it('stays off with discovery: false (--no-discovery)', async () => {
    await service(federationOptions({ bind: LAN_BIND, config: federationConfig({ discovery: false }) })).start(17615);
    expect(createDiscovery).not.toHaveBeenCalled();
  });

  it('stays off when the API is not bound to one interface', async () => {
    await service(federationOptions({ bind: LOOPBACK_BIND, config: federationConfig({ discovery: true }) })).start(17615);
    expect(createDiscovery).not.toHaveBeenCalled();
  });

  it("advertises this node on the API's interface, then browses", async () => {
    await service(federationOptions({ bind: LAN_BIND, config: federationConfig({ discovery: true, peerTtlMs: 30_000 }) })).start(40123);
    expect(createDiscovery).toHaveBeenCalledTimes(1);
    expect(createDiscovery).toHaveBeenCalledWith({ interfaceName: 'eth0', address: '192.168.1.20', nodeId: TEST_NODE_ID, peerTtlMs: 30_000, ownKeyId: null, logger: expect.any(Object) });
    expect(fake.startAdvertising).toHaveBeenCalledWith({
      name: 'local-swarm test-host 40123',
      nodeId: TEST_NODE_ID,
      version: TEST_NODE_SETTINGS.version,
      instances: 3,
      modelId: 'fake-model',
      hardwareSummary: 'test hardware',
      apiPort: 40123,
      protocol: FEDERATION_PROTOCOL_VERSION,
    });
    expect(fake.calls).toEqual(['startAdvertising', 'startDiscovery']);
  });

  it('advertises sealed protocol 2 when paired', async () => {
    const membership = swarmMembership(newSwarmKey(), generateNodeIdentity());
    await service(federationOptions({ bind: LAN_BIND, membership, config: federationConfig({ discovery: true }) })).start(40123);
    expect(fake.startAdvertising).toHaveBeenCalledWith(expect.objectContaining({ protocol: SEAL_PROTOCOL_VERSION }));
  });

  describe('once running', () => {
    beforeEach(async () => {
      await service(federationOptions({ bind: LAN_BIND, config: federationConfig({ discovery: true }) })).start(17615);
    });

    it('registers a peer that joins, unhealthy until its first health check', () => {
      fake.emit('peer-joined', peerInfo());
      expect(directory.list()).toEqual([
        expect.objectContaining({ node_id: 'node-lan', name: 'local-swarm desk 17615', address: '192.168.1.21', port: 17615, source: 'mdns', status: 'unhealthy', model_id: 'lan-model', instances: 3 }),
      ]);
    });

    it('refreshes a peer that is updated', () => {
      fake.emit('peer-joined', peerInfo());
      fake.emit('peer-updated', peerInfo({ address: '192.168.1.99', port: 18000, instances: 5, modelId: 'other-model' }));
      expect(directory.list()).toEqual([expect.objectContaining({ node_id: 'node-lan', address: '192.168.1.99', port: 18000, instances: 5, model_id: 'other-model' })]);
    });

    it('ignores its own announcement', () => {
      fake.emit('peer-joined', peerInfo({ nodeId: TEST_NODE_ID }));
      expect(directory.list()).toEqual([]);
    });

    it('forgets a peer that says goodbye', () => {
      fake.emit('peer-joined', peerInfo());
      fake.emit('peer-left', peerInfo(), 'goodbye');
      expect(directory.list()).toEqual([]);
    });

    it('keeps an expired peer visible as expired, and revives it when seen again', () => {
      fake.emit('peer-joined', peerInfo());
      fake.emit('peer-left', peerInfo(), 'expired');
      expect(directory.list()).toEqual([expect.objectContaining({ node_id: 'node-lan', status: 'expired' })]);
      expect(directory.counts()).toEqual({ total: 1, healthy: 0, unhealthy: 0, expired: 1 });
      fake.emit('peer-joined', peerInfo());
      expect(directory.list()).toEqual([expect.objectContaining({ node_id: 'node-lan', status: 'unhealthy' })]);
    });

    /** A peer the user added by hand (a real one on 127.0.0.1 answering as node-lan), checked once. */
    async function manualPeer(): Promise<void> {
      const peer = await startHealthyPeer('node-lan');
      servers.push(peer);
      await directory.addManual(`127.0.0.1:${peer.port}`);
    }

    it('does not expire a peer the user added by hand', async () => {
      await manualPeer();
      fake.emit('peer-left', peerInfo(), 'expired');
      expect(directory.list()).toEqual([expect.objectContaining({ node_id: 'node-lan', source: 'manual', status: 'healthy' })]);
    });

    // A --peer node that mDNS also saw says goodbye when it restarts: it must stay (it comes back).
    it('keeps a peer the user added by hand when it says goodbye over mDNS', async () => {
      await manualPeer();
      fake.emit('peer-joined', peerInfo());
      fake.emit('peer-left', peerInfo(), 'goodbye');
      expect(directory.list()).toEqual([expect.objectContaining({ node_id: 'node-lan', source: 'manual' })]);
    });

    it('survives name changes and errors', () => {
      expect(() => fake.emit('name-changed', 'local-swarm test-host 17615 (2)')).not.toThrow();
      expect(() => fake.emit('error', new Error('socket closed'))).not.toThrow();
    });

    it('stops mDNS (goodbyes) on shutdown, once', async () => {
      const [running] = services;
      await running?.onApplicationShutdown();
      await running?.onApplicationShutdown();
      expect(fake.stop).toHaveBeenCalledTimes(1);
    });
  });

  it('shuts down cleanly when it never started', async () => {
    await expect(service(federationOptions()).onApplicationShutdown()).resolves.toBeUndefined();
  });

  it('is never started by the federated app with discovery: false', async () => {
    const { app } = await createFederatedApp(new FakeSwarm(), { config: federationConfig({ discovery: false }) });
    try {
      await app.get(DiscoveryService).start(17615);
      expect(createDiscovery).not.toHaveBeenCalled();
    } finally {
      await app.close();
    }
  });
});
