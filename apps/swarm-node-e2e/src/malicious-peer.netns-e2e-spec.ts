import { netnsUnavailableReason } from '@local-swarm/test-netns';
import { join } from 'node:path';
import { FederationLan, type LanNode } from './support/federation-lan';

/**
 * Peers that send garbage, huge bodies, stall, or speak another protocol version: the node
 * answers every request anyway, and counts the peer's failures.
 */
// Open federation: the fakes speak the unsealed protocol, so a paired node would never ask them.
const NODE_ARGS = ['--federation', '--federation-open', '--threads', '1', '--instances', '1', '--context-size', '512', '--vote-timeout-ms', '3000'];
const CHAT = { messages: [{ role: 'user', content: 'Say yes.' }], max_tokens: 4 };
const MODES = ['garbage', 'huge', 'stall', 'wrong-version'] as const;
const FAKE_PORT = 17700;

interface PeerRow {
  node_id: string;
  status: string;
}
interface Reply {
  consensus: { sources: { id: string; ok: boolean; error: string | null }[] };
}

const describeLan = netnsUnavailableReason() === null ? describe : describe.skip;
let lan: FederationLan;
let node: LanNode;

beforeAll(async () => {
  lan = await FederationLan.create(['node', ...MODES]);
  for (const mode of MODES) {
    const host = lan.host(mode);
    const fake = lan.lan.exec(host, process.execPath, [join(__dirname, 'support', 'fake-peer.cjs'), host.iface, host.address, String(FAKE_PORT), mode], {
      env: { ...process.env, NODE_OPTIONS: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    await new Promise<void>((resolve, reject) => {
      let output = '';
      fake.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('listening')) resolve();
      });
      fake.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      fake.once('exit', () => reject(new Error(`fake peer ${mode} exited: ${output}`)));
    });
  }
  node = await lan.startNode('node', NODE_ARGS);
});

afterAll(async () => {
  await lan?.destroy();
});

const peers = async (): Promise<PeerRow[]> => (await lan.request('node', 'GET', `${node.url}/v1/federation/peers`)).json<PeerRow[]>();

describeLan('malicious and broken peers', () => {
  it('discovers the fakes by mDNS, and never trusts the one with a wrong protocol version', async () => {
    await lan.waitFor('three fakes healthy', async () => (await peers()).filter((p) => p.node_id.startsWith('fake-') && p.status === 'healthy').length === 3, 15_000);
    const wrongVersion = (await peers()).find((p) => p.node_id === 'fake-wrong-version' || p.node_id.includes('wrong'));
    expect(wrongVersion === undefined || wrongVersion.status !== 'healthy').toBe(true);
  });

  it('answers every request while peers send garbage, 12 MiB bodies or stall', async () => {
    const started = Date.now();
    for (let i = 0; i < 3; i += 1) {
      const response = await lan.request('node', 'POST', `${node.url}/v1/chat/completions`, CHAT);
      expect(response.status).toBe(200);
      const { sources } = response.json<Reply>().consensus;
      // Its own instance always votes; the fakes never contribute a candidate.
      expect(sources.filter((s) => s.ok).map((s) => s.id)).toHaveLength(1);
      for (const fake of sources.filter((s) => s.id.startsWith('fake-'))) expect(fake.ok).toBe(false);
    }
    // Bounded by the vote deadline (3 s each), not by the stalling peer.
    expect(Date.now() - started).toBeLessThan(3 * (3000 + 5000));
    const health = await lan.request('node', 'GET', `${node.url}/health`);
    expect(health.status).toBe(200);
  });

  it('logs each peer’s failure with the reason it was refused', async () => {
    const logged = node.output();
    expect(logged).toMatch(/peer vote failed/);
    // garbage -> bad reply, 12 MiB -> too large, stall -> timeout: each is told apart.
    expect(logged).toMatch(/"nodeId":"fake-garbage","code":"FEDERATION_ERR_BAD_REPLY"/);
    expect(logged).toMatch(/"nodeId":"fake-huge","code":"FEDERATION_ERR_TOO_LARGE"/);
    expect(logged).toMatch(/"nodeId":"fake-stall","code":"FEDERATION_ERR_TIMEOUT"/);
  });
});
