import { netnsUnavailableReason } from '@local-swarm/test-netns';
import { execFileSync } from 'node:child_process';
import { FederationLan, type LanNode } from './support/federation-lan';

/**
 * "Two instances on the same machine": two nodes on two ports of 127.0.0.1 inside one
 * namespace of the test's own, with mDNS on that namespace's loopback. (Never the machine's own
 * loopback: mDNS must not reach the root namespace.)
 */
// Loopback peers must be allowed on purpose: by default a peer may not be on loopback.
const NODE_ARGS = ['--federation', '--allow-loopback-peers', '--threads', '1', '--instances', '1', '--context-size', '512'];

const describeLan = netnsUnavailableReason() === null ? describe : describe.skip;
let lan: FederationLan;
let first: LanNode;
let second: LanNode;

beforeAll(async () => {
  lan = await FederationLan.create(['box']);
  const ns = lan.host('box').name;
  // Loopback carries no multicast by default: let mDNS use it, inside this namespace only.
  execFileSync('ip', ['-n', ns, 'link', 'set', 'lo', 'multicast', 'on']);
  execFileSync('ip', ['-n', ns, 'route', 'replace', '224.0.0.0/4', 'dev', 'lo']);
});

afterAll(async () => {
  await lan?.destroy();
});

describeLan('two instances on the same machine', () => {
  it('discover each other on loopback and vote together', async () => {
    first = await lan.startNode('box', NODE_ARGS, { address: '127.0.0.1', port: 17615 });
    second = await lan.startNode('box', NODE_ARGS, { address: '127.0.0.1', port: 17616 });
    const idOf = async (node: LanNode): Promise<string> =>
      (await lan.request('box', 'GET', `${node.url}/v1/federation/health`)).json<{ node_id: string }>().node_id;
    const [firstId, secondId] = [await idOf(first), await idOf(second)];
    expect(firstId).not.toBe(secondId);
    const healthyPeers = async (node: LanNode): Promise<string[]> =>
      (await lan.request('box', 'GET', `${node.url}/v1/federation/peers`))
        .json<{ node_id: string; status: string; port: number }[]>()
        .filter((peer) => peer.status === 'healthy')
        .map((peer) => peer.node_id);
    await lan.waitFor('first sees second', async () => (await healthyPeers(first)).includes(secondId), 10_000);
    await lan.waitFor('second sees first', async () => (await healthyPeers(second)).includes(firstId), 10_000);

    const response = await lan.request('box', 'POST', `${first.url}/v1/chat/completions`, {
      messages: [{ role: 'user', content: 'Name a fruit.' }],
      max_tokens: 8,
    });
    expect(response.status).toBe(200);
    const { sources } = response.json<{ consensus: { sources: { id: string; ok: boolean }[] } }>().consensus;
    expect(sources.filter((s) => s.ok).map((s) => s.id).sort()).toEqual([firstId, secondId].sort());
  });
});
