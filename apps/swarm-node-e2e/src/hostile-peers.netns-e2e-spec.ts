import { netnsUnavailableReason } from '@local-swarm/test-netns';
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { API_PORT, FederationLan, type HttpReply, type LanNode } from './support/federation-lan';

/**
 * Real nodes against hostile peers and peer addresses: a peer replying with texts built to
 * freeze consensus, manual peers pointing at the node's own loopback or a cloud metadata
 * address, a LAN neighbour adding peers, and a vote asking for more than the node allows.
 */
const FAKE_PORT = 17700;
const METADATA_ADDRESS = '169.254.169.254';
const VOTE_TOKENS_LIMIT = 16;

interface ErrorBody {
  error: { code: string | null; message: string };
}
interface PeerRow {
  node_id: string;
  status: string;
}
interface ChatReply {
  consensus: {
    sources: { id: string; ok: boolean; candidates: number }[];
    candidates: { source: string; group: string | null }[];
    groups: { key: string; members: number[]; weight: number }[];
  };
}
interface VoteReply {
  votes: { completion_tokens: number; finish_reason: string }[];
}

const describeLan = netnsUnavailableReason() === null ? describe : describe.skip;
let lan: FederationLan;
let node: LanNode;
let small: LanNode;

beforeAll(async () => {
  lan = await FederationLan.create(['node', 'small', 'client', 'watcher', 'fake', 'greedy']);
  // Open federation: the fake peers speak the unsealed protocol (a paired node would never ask them).
  node = await lan.startNode('node', ['--federation', '--federation-open', '--threads', '1', '--instances', '1', '--context-size', '2048', '--vote-timeout-ms', '30000']);
  small = await lan.startNode('small', [
    '--federation', '--federation-open', '--no-discovery', '--threads', '1', '--instances', '1', '--context-size', '512',
    '--max-tokens-limit', String(VOTE_TOKENS_LIMIT),
  ]);
});

afterAll(async () => {
  await lan?.destroy();
});

const errorCode = (reply: HttpReply): string | null => reply.json<ErrorBody>().error.code;
const ownOrigin = (): Record<string, string> => ({ origin: `http://${lan.host('node').address}:${API_PORT}` });
const peers = async (): Promise<PeerRow[]> => (await lan.request('client', 'GET', `${node.url}/v1/federation/peers`)).json<PeerRow[]>();

/** A TCP listener inside the node's own namespace that counts connections and sends a banner. */
function listenInNodeNamespace(address: string, port: number): Promise<{ connections: () => number; child: ChildProcess }> {
  const script = `const net=require('node:net');net.createServer((c)=>{process.stdout.write('connection\\n');c.end('SSH-2.0-OpenSSH_9.6 secret-banner\\r\\n');}).listen(${port},'${address}',()=>process.stdout.write('listening\\n'));`;
  const child = lan.lan.exec('node', process.execPath, ['-e', script], { env: { ...process.env, NODE_OPTIONS: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return lan
    .waitFor(`listener on ${address}:${port}`, async () => output.includes('listening'), 10_000, 50)
    .then(() => ({ connections: () => output.split('\n').filter((line) => line === 'connection').length, child }));
}

/** Starts the fake peer of `mode` (support/fake-peer.cjs) on its own host; it advertises itself by mDNS. */
function startFakePeer(host: string, mode: string): void {
  const fakeHost = lan.host(host);
  const fake = lan.lan.exec(fakeHost, process.execPath, [join(__dirname, 'support', 'fake-peer.cjs'), fakeHost.iface, fakeHost.address, String(FAKE_PORT), mode], {
    env: { ...process.env, NODE_OPTIONS: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  fake.stdout?.resume();
}

describeLan('a node facing hostile peers and peer addresses', () => {
  it('refuses manual peers on its own loopback or a cloud metadata address without contacting them', async () => {
    await lan.lan.run('node', 'ip', ['addr', 'add', `${METADATA_ADDRESS}/32`, 'dev', 'lo']);
    const ssh = await listenInNodeNamespace('127.0.0.1', 22);
    const metadata = await listenInNodeNamespace(METADATA_ADDRESS, 80);
    for (const address of ['127.0.0.1:22', `${METADATA_ADDRESS}:80`]) {
      const reply = await lan.request('node', 'POST', `${node.url}/v1/federation/peers`, { address }, ownOrigin());
      expect([address, reply.status]).toEqual([address, 400]);
      expect(reply.text).not.toContain('secret-banner');
      expect(errorCode(reply)).toBe('FEDERATION_ERR_FORBIDDEN_ADDRESS');
    }
    expect(ssh.connections()).toBe(0);
    expect(metadata.connections()).toBe(0);
    expect((await peers()).map((peer) => peer.node_id)).toEqual([]);
  });

  it('lets only loopback or the dashboard origin add peers: a LAN neighbour gets 403 and nothing is added', async () => {
    const reply = await lan.request('client', 'POST', `${node.url}/v1/federation/peers`, { address: `${lan.host('small').address}:${API_PORT}` });
    expect([reply.status, errorCode(reply)]).toEqual([403, 'forbidden_peer_admin']);
    expect(await peers()).toEqual([]);
  });

  it('clamps a vote asking 5000 tokens to the node limit, and counts it in /metrics', async () => {
    const vote = {
      protocol: 1, request_id: 'clamp-1', origin_node_id: 'asking-node', hops: 0, deadline_ms: 600_000, max_tokens: 5000, candidates: 1,
      prompt: { kind: 'chat', messages: [{ role: 'user', content: 'Write a long story about a dragon who learns to bake bread.' }] },
    };
    const reply = await lan.request('client', 'POST', `${small.url}/v1/federation/vote`, vote);
    expect(reply.status).toBe(200);
    const [candidate] = reply.json<VoteReply>().votes;
    expect(candidate?.completion_tokens).toBe(VOTE_TOKENS_LIMIT);
    expect(candidate?.finish_reason).toBe('length');
    const metrics = (await lan.request('client', 'GET', `${small.url}/metrics`)).text;
    expect(metrics).toMatch(/^local_swarm_federation_votes_served_total\{[^}]*outcome="served"[^}]*\} 1$/m);
  });

  it('keeps /health answering within 1 s while a peer sends pathological texts, and the request completes', async () => {
    startFakePeer('fake', 'pathological');
    await lan.waitFor('the pathological peer healthy', async () => (await peers()).some((p) => p.node_id === 'fake-pathological' && p.status === 'healthy'), 20_000);

    let voting = true;
    const healthTimes: number[] = [];
    const watch = (async () => {
      while (voting) {
        const health = await lan.request('watcher', 'GET', `${node.url}/health`);
        expect(health.status).toBe(200);
        healthTimes.push(health.elapsedMs);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
    const chat = { messages: [{ role: 'user', content: 'Say yes.' }], max_tokens: 1000 };
    const reply = await lan.request('client', 'POST', `${node.url}/v1/chat/completions`, chat).finally(() => (voting = false));
    await watch;
    expect(reply.status).toBe(200);
    // The peer's texts took part in the vote (else this test would prove nothing).
    expect(reply.json<ChatReply>().consensus.sources).toContainEqual(expect.objectContaining({ id: 'fake-pathological', ok: true }));
    expect(healthTimes.length).toBeGreaterThan(0);
    // 1 s, not less: on a loaded 2-core machine a plain health reply took up to ~300 ms. What this
    // guards against is the vote's scoring of 3.6 MB of crafted text holding the event loop for the
    // length of the vote.
    expect(Math.max(...healthTimes)).toBeLessThan(1000);
  });

  it('uses at most 16 candidates of a peer that claims 64 instances and sends 40, and caps its weight at half', async () => {
    startFakePeer('greedy', 'greedy');
    await lan.waitFor('the greedy peer healthy', async () => (await peers()).some((p) => p.node_id === 'fake-greedy' && p.status === 'healthy'), 20_000);
    const reply = await lan.request('client', 'POST', `${node.url}/v1/chat/completions`, { messages: [{ role: 'user', content: 'Say yes.' }], max_tokens: 64, temperature: 0 });
    expect(reply.status).toBe(200);
    const { consensus } = reply.json<ChatReply>();
    // The node's own answer votes too (else there is only one source and nothing to cap).
    expect(consensus.candidates.filter((c) => c.source !== 'fake-greedy' && c.group !== null).length).toBeGreaterThan(0);
    expect(consensus.sources).toContainEqual(expect.objectContaining({ id: 'fake-greedy', ok: true, candidates: 16 }));
    const greedyGroups = new Set(consensus.candidates.filter((c) => c.source === 'fake-greedy' && c.group !== null).map((c) => c.group));
    const total = consensus.groups.reduce((sum, group) => sum + group.weight, 0);
    const greedyWeight = consensus.groups.filter((group) => greedyGroups.has(group.key)).reduce((sum, group) => sum + group.weight, 0);
    expect(greedyWeight).toBeLessThanOrEqual(total / 2 + 1e-9);
    const brokeProtocol = /peer broke the protocol.*sent 40 candidates, 16 asked; the extra 24 dropped|sent 40 candidates, 16 asked; the extra 24 dropped.*peer broke the protocol/;
    await lan.waitFor('the node to log the extra candidates', async () => brokeProtocol.test(node.output()), 5_000, 20);
  });
});
