import { generateNodeIdentity, parseSwarmKey, seal } from '@local-swarm/federation-protocol';
import { netnsUnavailableReason } from '@local-swarm/test-netns';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FederationLan, type HttpReply, type LanNode } from './support/federation-lan';

/**
 * Paired federation on a LAN of namespaces: three nodes joined with one swarm key, a node of
 * another swarm, an open node and a hostile host that claims a member's id. Only the members
 * vote, nothing readable crosses the LAN, a replayed or skewed sealed request is refused, and a
 * blocked member stays refused after a restart.
 */
const ARGS = ['--federation', '--threads', '1', '--instances', '1', '--context-size', '512', '--vote-timeout-ms', '20000'];
const FAKE_PORT = 17700;
const SNIFF = join(__dirname, 'support', 'sniff.py');
const FAKE_PEER = join(__dirname, 'support', 'fake-peer.cjs');
const SKEWED_CLOCK = join(__dirname, 'support', 'skewed-clock.cjs');

interface PeerRow {
  node_id: string;
  status: string;
  trust?: string;
  reason?: string | null;
  last_error?: string | null;
}
interface ChatReply {
  consensus: {
    sources: { id: string; ok: boolean; candidates?: number }[];
    candidates: { source: string; text: string; group?: string | null; dropped?: string | null }[];
    groups?: { key: string; weight: number }[];
  };
}
interface ErrorBody {
  error: { code: string | null };
}

const describeLan = netnsUnavailableReason() === null ? describe : describe.skip;
let lan: FederationLan;
let a: LanNode;
let b: LanNode;
let c: LanNode;
let other: LanNode;
let open: LanNode;
let hostile: ChildProcess;
let hostileOutput = '';
const ids: Record<string, string> = {};
let scratch: string;

const nodeIdOf = async (node: LanNode): Promise<string> =>
  (await lan.request(node.host.label, 'GET', `${node.url}/v1/federation/health`)).json<{ node_id: string }>().node_id;
const peersOf = async (node: LanNode): Promise<PeerRow[]> =>
  (await lan.request(node.host.label, 'GET', `${node.url}/v1/federation/peers`)).json<PeerRow[]>();
const rowOf = async (node: LanNode, nodeId: string): Promise<PeerRow | undefined> => (await peersOf(node)).find((peer) => peer.node_id === nodeId);
const ownOrigin = (node: LanNode): Record<string, string> => ({ origin: node.url });
const errorCode = (reply: HttpReply): string | null => reply.json<ErrorBody>().error.code;

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'local-swarm-paired-'));
  lan = await FederationLan.create(['a', 'b', 'c', 'other', 'open', 'hostile', 'client', 'greedy', 'skewed']);
  const otherKey = join(scratch, 'other.key');
  writeFileSync(otherKey, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600 });
  [a, b, c] = await Promise.all([lan.startNode('a', ARGS), lan.startNode('b', ARGS), lan.startNode('c', ARGS)]);
  [other, open] = await Promise.all([lan.startNode('other', [...ARGS, '--swarm-key-file', otherKey]), lan.startNode('open', [...ARGS, '--federation-open'])]);
  for (const [name, node] of Object.entries({ a, b, c, other, open })) ids[name] = await nodeIdOf(node);
  // A hostile host: an open (unsealed) fake that claims to be member b, sends 40 candidates per vote.
  const host = lan.host('hostile');
  hostile = lan.lan.exec(host, process.execPath, [FAKE_PEER, host.iface, host.address, String(FAKE_PORT), 'greedy', ids['b'] ?? ''], {
    env: { ...process.env, NODE_OPTIONS: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  hostile.stdout?.on('data', (chunk: Buffer) => (hostileOutput += chunk.toString()));
  await lan.waitFor('A pairs with B and C, and sees the others', async () => {
    const rows = await peersOf(a);
    const trust = (id: string | undefined): string | undefined => rows.find((row) => row.node_id === id)?.trust;
    const healthy = rows.filter((row) => row.status === 'healthy').map((row) => row.node_id);
    return healthy.includes(ids['b'] ?? '') && healthy.includes(ids['c'] ?? '') && trust(ids['other']) === 'other swarm' && trust(ids['open']) === 'open';
  }, 30_000);
});

afterAll(async () => {
  await lan?.destroy();
  rmSync(scratch, { recursive: true, force: true });
});

/** Captures every frame between LAN hosts (on the hub's veth ends) while `during` runs. */
async function capture<T>(during: () => Promise<T>): Promise<{ result: T; bytes: Buffer }> {
  const file = join(scratch, `capture-${Date.now()}.bin`);
  const sniffer = spawn('ip', ['netns', 'exec', lan.lan.hub, 'python3', SNIFF, file], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    sniffer.stdout.once('data', () => resolve());
    sniffer.once('exit', (code) => reject(new Error(`sniffer exited (${code})`)));
  });
  try {
    return { result: await during(), bytes: readFileSync(file) };
  } finally {
    sniffer.kill('SIGTERM');
  }
}

describeLan('paired federation on a LAN', () => {
  it('only the members vote, and neither the prompt nor their answers cross the LAN readable', async () => {
    const marker = `MARKER-${randomBytes(6).toString('hex')}`;
    const control = `CONTROL-${randomBytes(6).toString('hex')}`;
    const { result: reply, bytes } = await capture(async () => {
      // The client asks its own node (no LAN hop for the prompt); unsealed control traffic crosses it.
      const chat = await lan.request('a', 'POST', `${a.url}/v1/chat/completions`, { messages: [{ role: 'user', content: `Repeat this code: ${marker}` }], max_tokens: 24 });
      await lan.request('client', 'GET', `${b.url}/health?${control}`);
      await new Promise((resolve) => setTimeout(resolve, 300));
      return chat;
    });
    expect(reply.status).toBe(200);
    const { sources, candidates } = reply.json<ChatReply>().consensus;
    expect(sources.filter((source) => source.ok).map((source) => source.id).sort()).toEqual([ids['a'], ids['b'], ids['c']].sort());
    // The capture works (the unsealed control request is in it), and holds nothing of the vote.
    expect(bytes.includes(Buffer.from(control))).toBe(true);
    expect(bytes.includes(Buffer.from(marker))).toBe(false);
    for (const candidate of candidates.filter((entry) => entry.source !== ids['a'] && entry.text.trim().length >= 12)) {
      expect(bytes.includes(Buffer.from(candidate.text.trim()))).toBe(false);
    }
  });

  it('never asks the other swarm, the open node or the hostile host that claims a member id', async () => {
    const reply = await lan.request('a', 'POST', `${a.url}/v1/chat/completions`, { messages: [{ role: 'user', content: 'Say yes.' }], max_tokens: 8 });
    const voters = reply.json<ChatReply>().consensus.sources.map((source) => source.id);
    expect(voters).not.toContain(ids['other']);
    expect(voters).not.toContain(ids['open']);
    expect(hostileOutput).not.toContain('vote request received');
    expect(await rowOf(a, ids['b'] ?? '')).toMatchObject({ status: 'healthy', trust: 'paired' });
    expect(open.output()).toMatch(/WARNING/);
  });

  it('refuses a captured sealed request sent again, and a clock 2 minutes ahead, with a clear line', async () => {
    const keyText = readFileSync(lan.swarmKeyFile, 'utf8');
    const key = parseSwarmKey(keyText);
    if (!key.ok) throw new Error(key.message);
    const identity = generateNodeIdentity();
    const vote = (requestId: string): string =>
      JSON.stringify({ protocol: 2, request_id: requestId, origin_node_id: identity.nodeId, hops: 0, deadline_ms: 10_000, prompt: { kind: 'text', text: 'Yes' }, max_tokens: 4 });
    const envelope = seal({ body: vote('replay-1'), swarmKey: key.value, identity, purpose: 'vote-request' });
    const first = await lan.request('client', 'POST', `${b.url}/v1/federation/vote`, envelope);
    expect(first.status).toBe(200);
    const again = await lan.request('client', 'POST', `${b.url}/v1/federation/vote`, envelope);
    expect([again.status, errorCode(again)]).toEqual([400, 'FEDERATION_ERR_REPLAYED']);

    const skewed = seal({ body: vote('skew-1'), swarmKey: key.value, identity, purpose: 'vote-request', now: Date.now() + 120_000 });
    const late = await lan.request('client', 'POST', `${b.url}/v1/federation/vote`, skewed);
    expect([late.status, errorCode(late)]).toEqual([400, 'FEDERATION_ERR_CLOCK_SKEW']);
    // The log line travels through B's stdout pipe, which may arrive after the HTTP reply.
    await lan.waitFor('B to log the skewed request', async () => /sealed vote refused: clock_skew: .*ahead/.test(b.output()), 5_000, 20);
  });

  it('uses 16 of the 40 candidates a sealed member sends, logs the rest, and gives it at most half the weight', async () => {
    const host = lan.host('greedy');
    let output = '';
    const greedy = lan.lan.exec(host, process.execPath, [FAKE_PEER, host.iface, host.address, String(FAKE_PORT), 'sealed-greedy'], {
      env: { ...process.env, NODE_OPTIONS: '', FAKE_PEER_SWARM_KEY_FILE: lan.swarmKeyFile },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    greedy.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    try {
      await lan.waitFor('the sealed greedy member to listen', async () => /fake peer (\S+) listening/.test(output), 10_000, 50);
      const greedyId = /fake peer (\S+) listening/.exec(output)?.[1] ?? '';
      await lan.waitFor('A pairs with the greedy member', async () => {
        const row = await rowOf(a, greedyId);
        return row?.status === 'healthy' && row.trust === 'paired';
      }, 20_000);
      // Greedy and long enough to finish: a sampled 8-token answer is often truncated, and with every
      // honest candidate dropped the greedy member would be the only voter left (nothing to cap it against).
      const reply = await lan.request('a', 'POST', `${a.url}/v1/chat/completions`, { messages: [{ role: 'user', content: 'Say yes.' }], max_tokens: 24, temperature: 0 });
      expect(reply.status).toBe(200);
      const { sources, candidates, groups = [] } = reply.json<ChatReply>().consensus;
      expect(output).toContain('vote request received');
      expect(candidates.filter((candidate) => candidate.source !== greedyId && candidate.dropped === null).length).toBeGreaterThan(0);
      expect(sources).toContainEqual(expect.objectContaining({ id: greedyId, ok: true, candidates: 16 }));
      expect(candidates.filter((candidate) => candidate.source === greedyId)).toHaveLength(16);
      const greedyGroups = new Set(candidates.filter((candidate) => candidate.source === greedyId).map((candidate) => candidate.group));
      const total = groups.reduce((sum, group) => sum + group.weight, 0);
      const greedyWeight = groups.filter((group) => greedyGroups.has(group.key)).reduce((sum, group) => sum + group.weight, 0);
      expect(greedyWeight).toBeGreaterThan(0);
      expect(greedyWeight).toBeLessThanOrEqual(total / 2 + 1e-9);
      const brokeProtocol = /peer broke the protocol.*sent 40 candidates, 16 asked; the extra 24 dropped|sent 40 candidates, 16 asked; the extra 24 dropped.*peer broke the protocol/;
      await lan.waitFor('A to log the extra candidates', async () => brokeProtocol.test(a.output()), 5_000, 20);
    } finally {
      greedy.kill('SIGKILL');
    }
  });

  it('refuses a node whose clock is 2 minutes ahead, with a clear line on both sides', async () => {
    const skewed = await lan.startNode('skewed', ARGS, { env: { NODE_OPTIONS: `--require ${SKEWED_CLOCK}`, LOCAL_SWARM_TEST_CLOCK_SKEW_MS: '120000' } });
    try {
      const skewedId = await nodeIdOf(skewed);
      // A's sealed health request reaches the skewed node 2 minutes "late", and the reverse.
      await lan.waitFor('the skewed node to refuse A, and A to refuse it', async () =>
        /sealed health refused: clock_skew: .*behind/.test(skewed.output()) && /sealed health refused: clock_skew: .*ahead/.test(a.output()), 20_000);
      const row = await rowOf(a, skewedId);
      expect(row?.status).not.toBe('healthy');
      const reply = await lan.request('a', 'POST', `${a.url}/v1/chat/completions`, { messages: [{ role: 'user', content: 'Say yes.' }], max_tokens: 8 });
      expect(reply.json<ChatReply>().consensus.sources.map((source) => source.id)).not.toContain(skewedId);
    } finally {
      await skewed.stop();
    }
  });

  it('shows the join command to a program on the node\'s own machine (through its LAN address), to no LAN host', async () => {
    const own = await lan.request('b', 'GET', `${b.url}/v1/federation/join`);
    expect(own.status).toBe(200);
    expect(own.json<{ command: string }>().command).toMatch(/^local-swarm --federation --join lsjoin1:/);
    expect(own.headers['cache-control']).toBe('no-store');
    const neighbour = await lan.request('client', 'GET', `${b.url}/v1/federation/join`);
    expect([neighbour.status, errorCode(neighbour)]).toEqual([403, 'join_string_loopback_only']);
    expect(neighbour.text).not.toContain('lsjoin1:');
    expect(b.output()).not.toContain(own.json<{ join: string }>().join);
  });

  it('a blocked member is refused from then on, also after a restart', async () => {
    const cId = ids['c'] ?? '';
    const blocked = await lan.request('a', 'DELETE', `${a.url}/v1/federation/peers/${cId}?block=true`, undefined, ownOrigin(a));
    expect(blocked.status).toBe(204);
    // At once: no longer asked (it is listed again, as blocked, when it is next announced).
    expect((await rowOf(a, cId))?.trust ?? 'absent').not.toBe('paired');
    const now = await lan.request('a', 'POST', `${a.url}/v1/chat/completions`, { messages: [{ role: 'user', content: 'Say yes.' }], max_tokens: 8 });
    expect(now.json<ChatReply>().consensus.sources.map((source) => source.id)).not.toContain(cId);
    await a.stop();
    a = await lan.startNode('a', ARGS);
    expect(await nodeIdOf(a)).toBe(ids['a']);
    await lan
      .waitFor('B healthy again, C still blocked', async () => (await rowOf(a, ids['b'] ?? ''))?.status === 'healthy' && (await rowOf(a, cId))?.trust === 'blocked', 20_000)
      .catch(async (error: unknown) => {
        throw new Error(`${String(error)}; A lists ${JSON.stringify(await peersOf(a))}`);
      });
    const reply = await lan.request('a', 'POST', `${a.url}/v1/chat/completions`, { messages: [{ role: 'user', content: 'Say yes.' }], max_tokens: 8 });
    expect(reply.json<ChatReply>().consensus.sources.map((source) => source.id)).not.toContain(cId);
  });
});
