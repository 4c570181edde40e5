/** Trust of discovered peers: who a paired node lists but never asks (no mDNS: announcements are given by hand). */
import { asPeerId, FederationErrorCode, silentFederationLogger } from '@local-swarm/federation-protocol';
import type { DiscoveredPeer } from '../registry/peer-registry';
import { PeerDirectory } from './peer-directory';
import { trustOfDiscovered, type PeerTrustPolicy } from './peer-trust';

const OURS = '95341bff0acfa7d1';
const PAIRED: PeerTrustPolicy = { ownKeyId: OURS, isBlocked: (id) => id === 'ls-blocked' };
const announced = (nodeId: string, keyId: string | null): DiscoveredPeer => ({
  nodeId, name: nodeId, address: '10.0.0.2', port: 17615, modelId: null, instances: 1, keyId, lastSeen: 1000,
});

describe('trustOfDiscovered', () => {
  it('asks only peers of its own swarm when paired', () => {
    expect(trustOfDiscovered(announced('ls-a', OURS), PAIRED)).toMatchObject({ trust: 'paired', asked: true });
    expect(trustOfDiscovered(announced('ls-a', '0000000000000000'), PAIRED)).toMatchObject({ trust: 'other swarm', asked: false });
    expect(trustOfDiscovered(announced('ls-a', null), PAIRED)).toMatchObject({ trust: 'open', asked: false });
    expect(trustOfDiscovered(announced('ls-blocked', OURS), PAIRED)).toMatchObject({ trust: 'blocked', asked: false });
  });

  it('open federation asks every peer but a blocked one', () => {
    const open: PeerTrustPolicy = { ownKeyId: null, isBlocked: (id) => id === 'ls-blocked' };
    expect(trustOfDiscovered(announced('ls-a', null), open)).toMatchObject({ trust: 'open', asked: true });
    expect(trustOfDiscovered(announced('ls-a', OURS), open)).toMatchObject({ trust: 'open', asked: true });
    expect(trustOfDiscovered(announced('ls-blocked', null), open)).toMatchObject({ trust: 'blocked', asked: false });
  });
});

describe('PeerDirectory with a trust policy', () => {
  const directory = (): PeerDirectory =>
    new PeerDirectory({
      nodeId: 'ls-self',
      settings: { peers: [], unhealthyAfterFailures: 2, healthIntervalMs: 60_000, voteTimeoutMs: 5000 },
      logger: silentFederationLogger,
      onVoteFailed: () => undefined,
      trust: PAIRED,
    });

  it('registers (asks) only same-swarm peers; lists the others with their trust and reason', () => {
    const peers = directory();
    peers.seen(announced('ls-a', OURS));
    peers.seen(announced('ls-b', 'ffffffffffffffff'));
    peers.seen(announced('ls-c', null));
    peers.seen(announced('ls-blocked', OURS));
    // The listing shows everyone: the asked peer as paired, the others ignored, each with why.
    expect(peers.list().map((peer) => [peer.node_id, peer.status, peer.trust])).toEqual([
      ['ls-a', 'unhealthy', 'paired'],
      ['ls-b', 'ignored', 'other swarm'],
      ['ls-blocked', 'ignored', 'blocked'],
      ['ls-c', 'ignored', 'open'],
    ]);
    expect(peers.list().find((peer) => peer.node_id === 'ls-b')?.reason).toContain('key id ffffffffffffffff');
    expect(peers.untrusted().map((peer) => [peer.nodeId, peer.trust])).toEqual([
      ['ls-b', 'other swarm'],
      ['ls-blocked', 'blocked'],
      ['ls-c', 'open'],
    ]);
  });

  it('keeps a registered member when anyone announces its id without our key id (its sealed checks decide)', () => {
    const peers = directory();
    peers.seen(announced('ls-a', OURS));
    peers.seen(announced('ls-a', 'ffffffffffffffff'));
    peers.seen(announced('ls-a', null));
    expect(peers.list().map((peer) => [peer.node_id, peer.trust])).toEqual([['ls-a', 'paired']]);
    expect(peers.untrusted()).toEqual([]);
  });

  it('lists a blocked id as blocked, never registered, and forgets an ignored one on goodbye', () => {
    const peers = directory();
    peers.seen(announced('ls-blocked', OURS));
    expect(peers.list().map((peer) => [peer.node_id, peer.trust])).toEqual([['ls-blocked', 'blocked']]);
    peers.seen(announced('ls-b', 'ffffffffffffffff'));
    expect(peers.untrusted()).toHaveLength(2);
    peers.left('ls-b');
    expect(peers.untrusted().map((peer) => peer.nodeId)).toEqual(['ls-blocked']);
  });

  it('paired, a goodbye is checked before it is believed: kept while the peer answers, forgotten once it does not', async () => {
    let answering = true;
    const peers = new PeerDirectory({
      nodeId: 'ls-self',
      settings: { peers: [], unhealthyAfterFailures: 2, healthIntervalMs: 60_000, voteTimeoutMs: 5000 },
      logger: silentFederationLogger,
      onVoteFailed: () => undefined,
      trust: PAIRED,
      healthCheckerFor: () => ({
        health: () =>
          Promise.resolve(
            answering
              ? { ok: true as const, value: { nodeId: asPeerId('ls-a'), modelId: null, instances: 1, load: null, rttMs: 1 } }
              : { ok: false as const, error: { code: FederationErrorCode.REFUSED, message: 'refused', cause: 'ECONNREFUSED' } },
          ),
      }),
    });
    peers.seen(announced('ls-a', OURS));
    await peers.left('ls-a');
    expect(peers.list().map((peer) => [peer.node_id, peer.status])).toEqual([['ls-a', 'healthy']]);
    answering = false;
    await peers.left('ls-a');
    expect(peers.list()).toEqual([]);
  });
});

