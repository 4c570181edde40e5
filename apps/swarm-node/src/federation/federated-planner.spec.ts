import { asModelId, asPeerId, openAiPeerId, type HealthReport, type PeerLoad } from '@local-swarm/federation-protocol';
import type { CandidateSource, SwarmLoad } from '@local-swarm/swarm-core';
import { FakeSwarm } from '../testing/fake-swarm';
import { federationConfig, federationOptions, newPeerDirectory } from '../testing/federation-fixtures';
import { FederatedPlanner, loadScore } from './federated-planner';
import { OpenAiPeerSource } from './openai-peer-source';
import { PeerCandidateSource } from './peer-candidate-source';
import { PeerDirectory, type PeerParticipant } from './peer-directory';

/** A local swarm whose load the test sets. */
class LoadedSwarm extends FakeSwarm {
  constructor(private current: SwarmLoad = { busyInstances: 0, capacity: 3, queuedRequests: 0, maxQueue: 8 }) {
    super();
  }

  override get load(): SwarmLoad {
    return this.current;
  }

  setLoad(load: Partial<SwarmLoad>): void {
    this.current = { ...this.current, ...load };
  }
}

const WEIGHTS = { peers: { 'peer-a': 2, 'peer-b': 0.5 }, models: { 'peer-model': 3 } };

function load(busyInstances: number, queuedRequests: number, capacity: number): PeerLoad {
  return { busyInstances, queuedRequests, capacity, maxQueue: 8 };
}

function report(nodeId: string, peerLoad: PeerLoad | null): HealthReport {
  return { nodeId: asPeerId(nodeId), modelId: asModelId('peer-model'), instances: peerLoad?.capacity ?? null, load: peerLoad, rttMs: 1 };
}

/** A real directory (never started: no health checks, no sockets) whose registry the test fills. */
function directoryWith(): PeerDirectory {
  return newPeerDirectory(federationOptions({ config: federationConfig({ weights: WEIGHTS }) }));
}

/** Adds an mDNS-discovered peer and makes it healthy with `peerLoad` from its health reply. */
function healthyPeer(directory: PeerDirectory, nodeId: string, peerLoad: PeerLoad | null, port = 17615): void {
  directory.registry.upsertDiscovered({ nodeId, name: nodeId, address: '127.0.0.1', port, modelId: 'peer-model', instances: 3, lastSeen: Date.now() });
  directory.registry.recordHealth(nodeId, { ok: true, value: report(nodeId, peerLoad) });
}

function sourceIds(sources: readonly CandidateSource[]): string[] {
  return sources.map((source) => source.id);
}

describe('loadScore', () => {
  it.each<[string, { busyInstances: number; queuedRequests: number; capacity: number }, number | undefined, number]>([
    ['idle', { busyInstances: 0, queuedRequests: 0, capacity: 3 }, undefined, 0],
    ['one of three busy', { busyInstances: 1, queuedRequests: 0, capacity: 3 }, undefined, 1 / 3],
    ['all busy and two queued', { busyInstances: 3, queuedRequests: 2, capacity: 3 }, undefined, 5 / 3],
    ['requests in flight count as work', { busyInstances: 1, queuedRequests: 0, capacity: 4 }, 3, 1],
    ['in flight defaults to 0', { busyInstances: 2, queuedRequests: 0, capacity: 4 }, undefined, 0.5],
    ['capacity 0 divides by 1', { busyInstances: 0, queuedRequests: 2, capacity: 0 }, undefined, 2],
    ['capacity 0 and idle', { busyInstances: 0, queuedRequests: 0, capacity: 0 }, 0, 0],
  ])('%s', (_label, nodeLoad, inFlight, expected) => {
    expect(loadScore(nodeLoad, inFlight)).toBeCloseTo(expected, 10);
  });

  it('ranks a bigger node with the same work as less loaded', () => {
    expect(loadScore({ busyInstances: 2, queuedRequests: 0, capacity: 8 })).toBeLessThan(loadScore({ busyInstances: 2, queuedRequests: 0, capacity: 3 }));
  });
});

describe('FederatedPlanner.plan', () => {
  let swarm: LoadedSwarm;
  let directory: PeerDirectory;
  let planner: FederatedPlanner;

  beforeEach(() => {
    swarm = new LoadedSwarm();
    directory = directoryWith();
    planner = new FederatedPlanner(swarm, federationOptions({ config: federationConfig({ weights: WEIGHTS }) }), directory);
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

    it('ignores peers that are known but not healthy (unchecked, failing, expired)', () => {
      directory.registry.addManual('127.0.0.1:9'); // never checked: unhealthy
      directory.registry.upsertDiscovered({ nodeId: 'peer-gone', name: 'gone', address: '127.0.0.2', port: 1, modelId: null, instances: null, lastSeen: 0 });
      directory.registry.recordHealth('peer-gone', { ok: true, value: report('peer-gone', load(0, 0, 3)) });
      directory.registry.markExpired('peer-gone');
      expect(directory.registry.size).toBe(2);
      expect(planner.plan(mode).sources).toEqual([swarm]);
    });
  });

  it('vote: asks the local swarm first, then every healthy peer (federation and OpenAI-compatible)', () => {
    healthyPeer(directory, 'peer-a', load(3, 5, 3), 1001);
    healthyPeer(directory, 'peer-b', load(0, 0, 3), 1002);
    directory.registry.addManual('openai+http://127.0.0.1:1003/v1');
    const openAiId = openAiPeerId('http://127.0.0.1:1003/v1');
    directory.registry.recordHealth(openAiId, { ok: true, value: report(openAiId, null) });

    const plan = planner.plan('vote');
    expect(plan.sources[0]).toBe(swarm);
    expect(sourceIds(plan.sources).slice(1).sort()).toEqual([openAiId, 'peer-a', 'peer-b'].sort());
    expect(plan.sources.filter((source) => source instanceof PeerCandidateSource)).toHaveLength(2);
    expect(plan.sources.filter((source) => source instanceof OpenAiPeerSource)).toHaveLength(1);
    expect(plan.fallback).toBeUndefined();
    expect(plan.sourceWeights).toEqual(WEIGHTS.peers);
    expect(plan.modelWeights).toEqual(WEIGHTS.models);
  });

  it('vote: reuses one source object per peer across requests', () => {
    healthyPeer(directory, 'peer-a', load(0, 0, 3));
    const first = planner.plan('vote').sources[1];
    const second = planner.plan('vote').sources[1];
    expect(first).toBeDefined();
    expect(second).toBe(first);
  });

  it('balance: sends the request to the least-loaded peer, with the local swarm as fallback', () => {
    swarm.setLoad({ busyInstances: 2, capacity: 3 }); // 0.67
    healthyPeer(directory, 'peer-a', load(1, 0, 3), 1001); // 0.33
    healthyPeer(directory, 'peer-b', load(1, 0, 4), 1002); // 0.25: least loaded
    const plan = planner.plan('balance');
    expect(sourceIds(plan.sources)).toEqual(['peer-b']);
    expect(plan.fallback).toBe(swarm);
    expect(plan.sourceWeights).toEqual(WEIGHTS.peers);
    expect(plan.modelWeights).toEqual(WEIGHTS.models);
  });

  it('balance: keeps the request local when this node is the least loaded', () => {
    swarm.setLoad({ busyInstances: 0, capacity: 3 });
    healthyPeer(directory, 'peer-a', load(1, 0, 3));
    const plan = planner.plan('balance');
    expect(plan.sources).toEqual([swarm]);
    expect('fallback' in plan).toBe(false);
  });

  it('balance: the local swarm wins a tie', () => {
    swarm.setLoad({ busyInstances: 1, queuedRequests: 0, capacity: 3 }); // 1/3
    healthyPeer(directory, 'peer-a', load(1, 0, 3), 1001); // 1/3
    healthyPeer(directory, 'peer-b', load(2, 0, 6), 1002); // 1/3
    const plan = planner.plan('balance');
    expect(plan.sources).toEqual([swarm]);
    expect(plan.fallback).toBeUndefined();
  });

  it('balance: counts queued requests in the local load', () => {
    swarm.setLoad({ busyInstances: 3, queuedRequests: 3, capacity: 3 }); // 2
    healthyPeer(directory, 'peer-a', load(3, 2, 3)); // 1.67
    expect(sourceIds(planner.plan('balance').sources)).toEqual(['peer-a']);
  });

  it('balance: never picks a peer whose load is unknown (OpenAI-compatible servers)', () => {
    swarm.setLoad({ busyInstances: 3, queuedRequests: 30, capacity: 3 });
    directory.registry.addManual('openai+http://127.0.0.1:1003/v1');
    const openAiId = openAiPeerId('http://127.0.0.1:1003/v1');
    directory.registry.recordHealth(openAiId, { ok: true, value: report(openAiId, null) });
    expect(planner.plan('vote').sources).toHaveLength(2);
    expect(planner.plan('balance').sources).toEqual([swarm]);
  });

  it("balance: adds this node's requests in flight to a peer's reported load", () => {
    const peer = (nodeId: string, peerLoad: PeerLoad, inFlight: number): PeerParticipant => ({
      nodeId,
      source: { id: nodeId, generate: () => Promise.reject(new Error('not called')) },
      load: peerLoad,
      inFlight: () => inFlight,
    });
    const stub = {
      participants: [peer('peer-a', load(0, 0, 3), 2), peer('peer-b', load(1, 0, 3), 0)],
      healthySources(): PeerParticipant[] {
        return this.participants;
      },
    };
    swarm.setLoad({ busyInstances: 2, capacity: 3 }); // 0.67
    const withStub = new FederatedPlanner(swarm, federationOptions(), stub as unknown as PeerDirectory);
    // peer-a reports idle but has 2 of our requests in flight (0.67, a tie with local); peer-b 0.33.
    expect(sourceIds(withStub.plan('balance').sources)).toEqual(['peer-b']);
    stub.participants = [peer('peer-a', load(0, 0, 3), 2)];
    expect(withStub.plan('balance').sources).toEqual([swarm]);
  });
});
