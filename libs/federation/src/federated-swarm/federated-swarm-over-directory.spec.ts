/**
 * The node's FederatedSwarm over a real PeerDirectory (health checks faked: no sockets), as the
 * app builds it with federation on: who answers in each mode, with the configured weights.
 */
import { asModelId, asPeerId, FederationErrorCode, openAiPeerId, silentFederationLogger, type ClientResult, type HealthReport, type PeerLoad } from '@local-swarm/federation-protocol';
import { SwarmErrorCode, type CandidateSource, type SourceOutcome, type SwarmLoad } from '@local-swarm/swarm-core';
import type { DiscoveredPeer } from '../registry/peer-registry';
import { PeerDirectory } from '../peer-directory/peer-directory';
import { OpenAiPeerSource } from '../sources/openai-peer-source';
import { PeerCandidateSource } from '../sources/peer-candidate-source';
import { waitFor } from '../testing';
import { FederatedSwarm } from './federated-swarm';
import type { RemoteParticipant } from './remote-peers';

/** This node's swarm as a candidate source whose load the test sets. */
class LoadedSwarm implements CandidateSource {
  readonly id = 'local';

  constructor(private current: SwarmLoad = { busyInstances: 0, capacity: 3, queuedRequests: 0, maxQueue: 8 }) {}

  get load(): SwarmLoad {
    return this.current;
  }

  setLoad(load: Partial<SwarmLoad>): void {
    this.current = { ...this.current, ...load };
  }

  generate(): Promise<SourceOutcome> {
    return Promise.resolve({ ok: false, failure: { code: SwarmErrorCode.SourceFailed, message: 'not called' } });
  }
}

const WEIGHTS = { peers: { 'peer-a': 2, 'peer-b': 0.5 }, models: { 'peer-model': 3 } };

function load(busyInstances: number, queuedRequests: number, capacity: number): PeerLoad {
  return { busyInstances, queuedRequests, capacity, maxQueue: 8 };
}

function report(nodeId: string, peerLoad: PeerLoad | null): HealthReport {
  return { nodeId: asPeerId(nodeId), modelId: asModelId('peer-model'), instances: peerLoad?.capacity ?? null, load: peerLoad, rttMs: 1 };
}

/** What each peer's health check answers (by node id): its load, or down when absent. */
const healthOf = new Map<string, PeerLoad | null>();

function healthCheck(nodeId: string): ClientResult<HealthReport> {
  const peerLoad = healthOf.get(nodeId);
  if (peerLoad === undefined) return { ok: false, error: { code: FederationErrorCode.REFUSED, message: 'down', cause: 'ECONNREFUSED' } };
  return { ok: true, value: report(nodeId, peerLoad) };
}

const directories: PeerDirectory[] = [];

/** A started directory whose health checks answer from `healthOf` (no sockets). */
function directoryWith(): PeerDirectory {
  const directory = new PeerDirectory({
    nodeId: 'node-self',
    // Manual peers at 127.0.0.1 (health answered by the fake checker): loopback allowed explicitly.
    settings: { peers: [], unhealthyAfterFailures: 2, healthIntervalMs: 60_000, voteTimeoutMs: 5000, allowLoopbackPeers: true },
    logger: silentFederationLogger,
    onVoteFailed: () => undefined,
    healthCheckerFor: (peer) => ({ health: () => Promise.resolve(healthCheck(peer.nodeId)) }),
  });
  directory.start();
  directories.push(directory);
  return directory;
}

function announced(nodeId: string, port: number): DiscoveredPeer {
  return { nodeId, name: nodeId, address: '127.0.0.1', port, modelId: 'peer-model', instances: 3, lastSeen: Date.now() };
}

/** Announces an mDNS peer whose health reply gives `peerLoad`, and waits until it is healthy. */
async function healthyPeer(directory: PeerDirectory, nodeId: string, peerLoad: PeerLoad | null, port = 17615): Promise<void> {
  healthOf.set(nodeId, peerLoad);
  directory.seen(announced(nodeId, port));
  await waitFor(() => directory.list().some((peer) => peer.node_id === nodeId && peer.status === 'healthy'));
}

/** Adds an OpenAI-compatible server (its health reply has no load) and returns its id. */
async function healthyOpenAiPeer(directory: PeerDirectory): Promise<string> {
  const openAiId = openAiPeerId('http://127.0.0.1:1003/v1');
  healthOf.set(openAiId, null);
  expect((await directory.addManual('openai+http://127.0.0.1:1003/v1')).ok).toBe(true);
  return openAiId;
}

afterEach(async () => {
  healthOf.clear();
  await Promise.all(directories.splice(0).map((directory) => directory.stop()));
});

function sourceIds(sources: readonly CandidateSource[]): string[] {
  return sources.map((source) => source.id);
}

describe('FederatedSwarm.plan over the peer directory', () => {
  let swarm: LoadedSwarm;
  let directory: PeerDirectory;
  let planner: FederatedSwarm;

  beforeEach(() => {
    swarm = new LoadedSwarm();
    directory = directoryWith();
    planner = new FederatedSwarm(swarm, directory, { sourceWeights: WEIGHTS.peers, modelWeights: WEIGHTS.models });
  });

  describe.each(['vote', 'balance'] as const)('mode %s without healthy peers', (mode) => {
    it('plans the local swarm alone, with the configured weights and no fallback', () => {
      const plan = planner.plan(mode);
      expect(plan.sources).toEqual([swarm]);
      expect(plan.sources[0]).toBe(swarm);
      expect(plan.fallback).toBeUndefined();
      expect('fallback' in plan).toBe(false);
      expect(plan.sourceWeights).toEqual(WEIGHTS.peers);
      expect(plan.modelWeights).toEqual(WEIGHTS.models);
    });

    it('ignores peers that are known but not healthy (failing, expired)', async () => {
      directory.seen(announced('peer-down', 9)); // its health checks fail: unhealthy
      await healthyPeer(directory, 'peer-gone', load(0, 0, 3), 1);
      directory.expired('peer-gone');
      expect(directory.counts()).toEqual({ total: 2, healthy: 0, unhealthy: 1, expired: 1 });
      expect(planner.plan(mode).sources).toEqual([swarm]);
    });
  });

  it('vote: asks the local swarm first, then every healthy peer (federation and OpenAI-compatible)', async () => {
    await healthyPeer(directory, 'peer-a', load(3, 5, 3), 1001);
    await healthyPeer(directory, 'peer-b', load(0, 0, 3), 1002);
    const openAiId = await healthyOpenAiPeer(directory);

    const plan = planner.plan('vote');
    expect(plan.sources[0]).toBe(swarm);
    expect(sourceIds(plan.sources).slice(1).sort()).toEqual([openAiId, 'peer-a', 'peer-b'].sort());
    expect(plan.sources.filter((source) => source instanceof PeerCandidateSource)).toHaveLength(2);
    expect(plan.sources.filter((source) => source instanceof OpenAiPeerSource)).toHaveLength(1);
    expect(plan.fallback).toBeUndefined();
    expect(plan.sourceWeights).toEqual(WEIGHTS.peers);
    expect(plan.modelWeights).toEqual(WEIGHTS.models);
  });

  it('vote: reuses one source object per peer across requests', async () => {
    await healthyPeer(directory, 'peer-a', load(0, 0, 3));
    const first = planner.plan('vote').sources[1];
    const second = planner.plan('vote').sources[1];
    expect(first).toBeDefined();
    expect(second).toBe(first);
  });

  it('balance: sends the request to the least-loaded peer, with the local swarm as fallback', async () => {
    swarm.setLoad({ busyInstances: 2, capacity: 3 }); // 0.67
    await healthyPeer(directory, 'peer-a', load(1, 0, 3), 1001); // 0.33
    await healthyPeer(directory, 'peer-b', load(1, 0, 4), 1002); // 0.25: least loaded
    const plan = planner.plan('balance');
    expect(sourceIds(plan.sources)).toEqual(['peer-b']);
    expect(plan.fallback).toBe(swarm);
    expect(plan.sourceWeights).toEqual(WEIGHTS.peers);
    expect(plan.modelWeights).toEqual(WEIGHTS.models);
  });

  it('balance: keeps the request local when this node is the least loaded', async () => {
    swarm.setLoad({ busyInstances: 0, capacity: 3 });
    await healthyPeer(directory, 'peer-a', load(1, 0, 3));
    const plan = planner.plan('balance');
    expect(plan.sources).toEqual([swarm]);
    expect('fallback' in plan).toBe(false);
  });

  it('balance: the local swarm wins a tie', async () => {
    swarm.setLoad({ busyInstances: 1, queuedRequests: 0, capacity: 3 }); // 1/3
    await healthyPeer(directory, 'peer-a', load(1, 0, 3), 1001); // 1/3
    await healthyPeer(directory, 'peer-b', load(2, 0, 6), 1002); // 1/3
    const plan = planner.plan('balance');
    expect(plan.sources).toEqual([swarm]);
    expect(plan.fallback).toBeUndefined();
  });

  it('balance: counts queued requests in the local load', async () => {
    swarm.setLoad({ busyInstances: 3, queuedRequests: 3, capacity: 3 }); // 2
    await healthyPeer(directory, 'peer-a', load(3, 2, 3)); // 1.67
    expect(sourceIds(planner.plan('balance').sources)).toEqual(['peer-a']);
  });

  it('balance: never picks a peer whose load is unknown (OpenAI-compatible servers)', async () => {
    swarm.setLoad({ busyInstances: 3, queuedRequests: 30, capacity: 3 });
    await healthyOpenAiPeer(directory);
    expect(planner.plan('vote').sources).toHaveLength(2);
    expect(planner.plan('balance').sources).toEqual([swarm]);
  });

  it("balance: adds this node's requests in flight to a peer's reported load", () => {
    const peer = (nodeId: string, peerLoad: PeerLoad, inFlight: number): RemoteParticipant => ({
      nodeId,
      source: { id: nodeId, generate: () => Promise.reject(new Error('not called')) },
      load: peerLoad,
      inFlight: () => inFlight,
    });
    const stub = {
      participants: [peer('peer-a', load(0, 0, 3), 2), peer('peer-b', load(1, 0, 3), 0)],
      healthySources(): RemoteParticipant[] {
        return this.participants;
      },
    };
    swarm.setLoad({ busyInstances: 2, capacity: 3 }); // 0.67
    const withStub = new FederatedSwarm(swarm, stub);
    // peer-a reports idle but has 2 of our requests in flight (0.67, a tie with local); peer-b 0.33.
    expect(sourceIds(withStub.plan('balance').sources)).toEqual(['peer-b']);
    stub.participants = [peer('peer-a', load(0, 0, 3), 2)];
    expect(withStub.plan('balance').sources).toEqual([swarm]);
  });
});
