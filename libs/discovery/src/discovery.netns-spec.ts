import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createLan, netnsUnavailableReason, type Lan } from '@local-swarm/test-netns';
import { AgentProcess, BAD_TXT_SCRIPT, type AgentConfig, type AgentPeer } from './testing/agent-process';

/**
 * mDNS discovery over real sockets, each node a child process (test-harness/discovery-agent.cjs,
 * running the BUILT lib) inside its own network namespace on a private bridge. Nothing runs in the
 * machine's own namespace. Needs root: `npx nx run discovery:test-netns` (builds first).
 */
const unavailable = netnsUnavailableReason();
const DIST = join(__dirname, '..', 'dist', 'index.js');
// Small timings so expiry is observable: queries every 1 s, peers dropped after 3 s unseen.
const FAST = { peerTtlMs: 3_000, queryIntervalMs: 1_000 } as const;
const measurements: string[] = [];

function measure(label: string, ms: number): void {
  measurements.push(`${label}: ${ms} ms`);
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('SwarmDiscovery in network namespaces', () => {
  if (unavailable !== null) {
    it('needs network namespaces', () => {
      throw new Error(`cannot run: ${unavailable}`);
    });
    return;
  }

  let lan: Lan | undefined;
  let agents: AgentProcess[] = [];

  const start = (hostIndex: number, config: AgentConfig): AgentProcess => {
    if (lan === undefined) throw new Error('no LAN');
    const agent = new AgentProcess(lan, lan.host(hostIndex), { ...FAST, ...config });
    agents.push(agent);
    return agent;
  };

  beforeAll(() => {
    if (!existsSync(DIST)) throw new Error(`${DIST} is missing: build first (npx nx build discovery)`);
  });

  beforeEach(async () => {
    lan = await createLan({ hosts: ['a', 'b', 'c'] });
    agents = [];
  });

  afterEach(async () => {
    const failed = agents.filter((agent) => agent.events.some((e) => e.event === 'fatal' || e.event === 'error'));
    for (const agent of failed) process.stderr.write(`agent ${agent.host.label} log:\n${agent.dump()}\n`);
    await lan?.destroy();
    lan = undefined;
  });

  afterAll(() => {
    if (measurements.length > 0) console.log(`discovery timings (namespaces, FAST = ttl 3000 / query 1000):\n  ${measurements.join('\n  ')}`);
  });

  it('finds each other within a few seconds, never reports itself', async () => {
    const a = start(0, { nodeId: 'node-a', name: 'local-swarm on a' });
    const advertisedA = await a.waitFor((e) => e.event === 'advertised', 10_000, 'advertised');

    // B starts after A is announced: B must find A by querying.
    const b = start(1, { nodeId: 'node-b', name: 'local-swarm on b' });
    const bFoundA = await b.waitForPeer('peer-joined', 'node-a', 10_000);
    measure('B (started after A) found A, from B process start', bFoundA.t - b.startedAt);
    // A learns of B from B's announcement.
    const advertisedB = await b.waitFor((e) => e.event === 'advertised', 10_000, 'advertised');
    const aFoundB = await a.waitForPeer('peer-joined', 'node-b', 10_000);
    measure('A found B, from B advertised', Math.max(0, aFoundB.t - advertisedB.t));
    measure('A advertise (probe + announce)', advertisedA.t - a.startedAt);
    expect(bFoundA.t - b.startedAt).toBeLessThan(10_000); // the product target: peers discover each other within 5-10 seconds

    const peerA = bFoundA['peer'] as AgentPeer;
    expect(peerA).toMatchObject({
      nodeId: 'node-a',
      name: 'local-swarm on a',
      address: a.host.address,
      addresses: [a.host.address],
      port: 17615,
      version: '0.1.0',
      protocol: 1,
      instances: 2,
      modelId: 'test-model',
      hardwareSummary: 'test host a',
    });

    await sleep(2_500); // a few query rounds: still exactly one peer each, never ourselves
    expect((await a.peers()).map((p) => p.nodeId)).toEqual(['node-b']);
    expect((await b.peers()).map((p) => p.nodeId)).toEqual(['node-a']);
    expect(a.peerEvents('peer-joined', 'node-a')).toEqual([]);
    expect(b.peerEvents('peer-joined', 'node-b')).toEqual([]);
    expect(b.peerEvents('peer-left')).toEqual([]); // live peers keep answering: no expiry
  });

  it('reports peer-left "goodbye" within about a second of stop()', async () => {
    const a = start(0, { nodeId: 'node-a', name: 'node a' });
    const b = start(1, { nodeId: 'node-b' });
    await b.waitForPeer('peer-joined', 'node-a', 10_000);
    const stopAt = Date.now();
    a.send('stop');
    const left = await b.waitForPeer('peer-left', 'node-a', 3_000);
    measure('goodbye: B saw A leave after A stop()', left.t - stopAt);
    expect(left['reason']).toBe('goodbye');
    expect(left.t - stopAt).toBeLessThan(1_500);
    await a.waitFor((e) => e.event === 'exit', 3_000, 'exit');
    expect((await b.peers()).map((p) => p.nodeId)).toEqual([]);
  });

  it('expires a node killed with SIGKILL after peerTtlMs', async () => {
    const a = start(0, { nodeId: 'node-a', name: 'node a' });
    const b = start(1, { nodeId: 'node-b' });
    await b.waitForPeer('peer-joined', 'node-a', 10_000);
    await sleep(1_500);
    const killedAt = Date.now();
    a.kill();
    const left = await b.waitForPeer('peer-left', 'node-a', 8_000);
    const peer = left['peer'] as AgentPeer;
    const unseenFor = left.t - Date.parse(peer.lastSeen);
    measure('expiry: B dropped A after kill -9', left.t - killedAt);
    measure('expiry: A unseen for, when dropped', unseenFor);
    expect(left['reason']).toBe('expired');
    expect(unseenFor).toBeGreaterThanOrEqual(FAST.peerTtlMs);
    expect(unseenFor).toBeLessThan(FAST.peerTtlMs + 1_500);
    expect(left.t - killedAt).toBeLessThan(FAST.peerTtlMs + 1_500);
  });

  it('keeps two nodes advertising the same name discoverable (one is renamed)', async () => {
    const a = start(0, { nodeId: 'node-a', name: 'same name' });
    await a.waitFor((e) => e.event === 'advertised', 10_000, 'advertised');
    const b = start(1, { nodeId: 'node-b', name: 'same name' });
    const renamed = await b.waitFor((e) => e.event === 'name-changed', 10_000, 'name-changed');
    expect(renamed['name']).toBe('same name (2)');
    const c = start(2, { nodeId: 'node-c' });
    await c.waitForPeer('peer-joined', 'node-a', 10_000);
    await c.waitForPeer('peer-joined', 'node-b', 10_000);
    await a.waitForPeer('peer-joined', 'node-b', 10_000);
    await b.waitForPeer('peer-joined', 'node-a', 10_000);
    const seen = (await c.peers()).map((p) => [p.nodeId, p.name, p.address]).sort();
    expect(seen).toEqual([
      ['node-a', 'same name', a.host.address],
      ['node-b', 'same name (2)', b.host.address],
    ]);
    expect(a.events.filter((e) => e.event === 'name-changed')).toEqual([]);
  });

  it('ignores an advertiser with malformed TXT records and keeps working', async () => {
    if (lan === undefined) throw new Error('no LAN');
    const badHost = lan.host(2);
    const bad = lan.exec(badHost, process.execPath, [BAD_TXT_SCRIPT, badHost.address]);
    let badOutput = '';
    bad.stdout?.setEncoding('utf8').on('data', (chunk: string) => (badOutput += chunk));
    const b = start(1, { nodeId: 'node-b' });
    // The bad advertiser answered B's queries (several rounds) and B logged why it ignored them.
    await b.waitFor((e) => e.event === 'log' && e['level'] === 'warn' && String(e['message']).includes('malformed TXT'), 10_000, 'malformed-TXT warning');
    await sleep(2_000);
    expect(badOutput).toContain('answered');
    const a = start(0, { nodeId: 'node-a', name: 'good node' });
    await b.waitForPeer('peer-joined', 'node-a', 10_000);
    await sleep(1_500);
    expect(b.events.filter((e) => e.event.startsWith('peer-')).map((e) => (e['peer'] as AgentPeer).nodeId)).toEqual(['node-a']);
    expect(b.events.some((e) => ['fatal', 'error', 'exit'].includes(e.event))).toBe(false);
    const reasons = b.events
      .filter((e) => e.event === 'log' && String(e['message']).includes('malformed TXT'))
      .map((e) => (e['fields'] as { reason: string }).reason)
      .sort();
    expect(reasons).toEqual(['api_port is not a port number (1-65535)', 'missing node_id', 'missing node_id']);
    // Still fully working: the good node's goodbye arrives.
    a.send('stop');
    expect((await b.waitForPeer('peer-left', 'node-a', 3_000))['reason']).toBe('goodbye');
  });
});
