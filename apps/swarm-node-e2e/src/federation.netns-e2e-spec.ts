import { decide, type Candidate, type StrategyName } from '@local-swarm/consensus';
import { netnsUnavailableReason } from '@local-swarm/test-netns';
import { API_PORT, FederationLan, type LanNode } from './support/federation-lan';

/**
 * Several real nodes on a LAN of network namespaces: discovery, voting together, goodbyes,
 * crashes, partitions and consensus checks. 1 instance and 1 thread per node: 2 cores are shared.
 */
const NODE_ARGS = ['--federation', '--threads', '1', '--instances', '1', '--context-size', '512'];
const CHAT = { messages: [{ role: 'user', content: 'What is 2 + 3? Answer with a number.' }], max_tokens: 12 };

interface PeerRow {
  node_id: string;
  status: 'healthy' | 'unhealthy' | 'expired';
  source: string;
  address: string;
  failures: number;
}
interface ConsensusReply {
  choices: { message: { content: string | null; tool_calls?: { id: string; function: { name: string; arguments: string } }[] }; finish_reason: string }[];
  consensus: {
    strategy: StrategyName;
    winner: { source: string; index: number } | null;
    sources: { id: string; ok: boolean; candidates: number }[];
    candidates: {
      source: string;
      sequence: number;
      model: string;
      text: string;
      score: number | null;
      finish_reason: Candidate['finishReason'];
      latency_ms: number;
      tool_calls?: { name: string; arguments: string }[];
    }[];
  };
}

const unavailable = netnsUnavailableReason();
const describeLan = unavailable === null ? describe : describe.skip;
if (unavailable !== null) {
  // Visible in the jest output: this suite needs root and iproute2.
  process.stderr.write(`federation netns e2e skipped: ${unavailable}\n`);
}

let lan: FederationLan;

beforeAll(async () => {
  lan = await FederationLan.create(['a', 'b', 'c']);
});

afterAll(async () => {
  await lan?.destroy();
});

const nodeIdOf = async (node: LanNode): Promise<string> =>
  (await lan.request(node.host.label, 'GET', `${node.url}/v1/federation/health`)).json<{ node_id: string }>().node_id;

const peersOf = async (node: LanNode): Promise<PeerRow[]> =>
  (await lan.request(node.host.label, 'GET', `${node.url}/v1/federation/peers`)).json<PeerRow[]>();

const peerStatus = async (node: LanNode, nodeId: string): Promise<PeerRow['status'] | 'absent'> =>
  (await peersOf(node)).find((peer) => peer.node_id === nodeId)?.status ?? 'absent';

const chat = async (node: LanNode, body: object = CHAT, headers: Record<string, string> = {}): Promise<{ status: number; reply: ConsensusReply }> => {
  const response = await lan.request(node.host.label, 'POST', `${node.url}/v1/chat/completions`, body, headers);
  return { status: response.status, reply: response.status === 200 ? response.json<ConsensusReply>() : (undefined as unknown as ConsensusReply) };
};

/** Epoch ms of the first JSON log line of `node` whose msg is `message`. */
function logTime(node: LanNode, message: string): number {
  for (const line of node.output().split('\n')) {
    if (!line.startsWith('{')) continue;
    const entry = JSON.parse(line) as { msg?: string; time?: number };
    if (entry.msg === message && typeof entry.time === 'number') return entry.time;
  }
  throw new Error(`no "${message}" in the node's log`);
}

/** The candidates a response reports, back in the consensus lib's shape. */
function reportedCandidates(reply: ConsensusReply): Candidate[] {
  return reply.consensus.candidates.map((c) => ({
    text: c.text,
    score: c.score,
    source: c.source,
    sequence: c.sequence,
    model: c.model,
    finishReason: c.finish_reason,
    latencyMs: c.latency_ms,
  }));
}

describeLan('federation on a LAN of namespaces', () => {
  let a: LanNode;
  let b: LanNode;
  let aId: string;
  let bId: string;

  it('two nodes on one network discover each other within 10 s and both vote on one answer', async () => {
    a = await lan.startNode('a', NODE_ARGS);
    b = await lan.startNode('b', NODE_ARGS);
    [aId, bId] = [await nodeIdOf(a), await nodeIdOf(b)];
    // From B's banner (advertising starts right after listening) until each lists the other as healthy.
    await lan.waitFor('A lists B healthy', async () => (await peerStatus(a, bId)) === 'healthy', 10_000, 50);
    const aSawB = Date.now();
    await lan.waitFor('B lists A healthy', async () => (await peerStatus(b, aId)) === 'healthy', 10_000, 50);
    // From B's "mDNS discovery running" log line (advertising announced) to A listing B healthy.
    const advertisedAt = logTime(b, 'mDNS discovery running');
    const discoveryMs = aSawB - advertisedAt;
    process.stderr.write(`discovery: A listed B healthy ${discoveryMs} ms after B advertised (${aSawB - b.startedAt} ms after B's process started, model load included)\n`);
    expect(discoveryMs).toBeLessThan(10_000);
    expect((await peersOf(a)).find((peer) => peer.node_id === bId)).toMatchObject({ source: 'mdns', address: b.host.address });

    const { status, reply } = await chat(a, CHAT, { 'x-request-id': 'trace-two-nodes-1' });
    expect(status).toBe(200);
    // One request id in both nodes' structured logs: A answered it, B voted on it.
    await lan.waitFor('B logged the vote', async () => b.output().includes('"requestId":"trace-two-nodes-1"'), 5_000, 50);
    await lan.waitFor('A logged the answer', async () => /"requestId":"trace-two-nodes-1".*"msg":"request answered"/.test(a.output()), 5_000, 50);
    await lan.waitFor('B logged the vote served', async () => /"requestId":"trace-two-nodes-1".*"msg":"vote served"/.test(b.output()), 5_000, 50);
    const sources = reply.consensus.sources.filter((source) => source.ok).map((source) => source.id);
    expect(sources.sort()).toEqual([aId, bId].sort());
    expect(new Set(reply.consensus.candidates.map((candidate) => candidate.source))).toEqual(new Set([aId, bId]));
  });

  it.each(['majority', 'best_of_n', 'first_valid'] as const)('the federated answer is the one %s must pick from the reported candidates', async (strategy) => {
    const { status, reply } = await chat(a, { ...CHAT, strategy });
    expect(status).toBe(200);
    const verdict = decide(reportedCandidates(reply), { strategy });
    expect(verdict.winner?.index).toBe(reply.consensus.winner?.index);
    expect(reply.choices[0]?.message.content).toBe(verdict.winner?.candidate.text);
  });

  it('a forced tool call and a JSON-schema answer are voted on by both nodes, every candidate valid', async () => {
    const parameters = { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] };
    const tools = [{ type: 'function', function: { name: 'get_weather', description: 'Current weather in a city', parameters } }];
    const asked = { messages: [{ role: 'user', content: 'What is the weather in Paris?' }], max_tokens: 48 };
    const called = await chat(a, { ...asked, tools, tool_choice: { type: 'function', function: { name: 'get_weather' } } });
    expect(called.status).toBe(200);
    expect(called.reply.choices[0]?.finish_reason).toBe('tool_calls');
    expect(called.reply.choices[0]?.message.tool_calls?.[0]?.function.name).toBe('get_weather');
    expect(called.reply.consensus.sources.filter((source) => source.ok).map((source) => source.id).sort()).toEqual([aId, bId].sort());
    for (const candidate of called.reply.consensus.candidates) {
      expect(candidate.tool_calls?.map((call) => call.name)).toEqual(['get_weather']);
      expect(JSON.parse(candidate.tool_calls?.[0]?.arguments ?? 'null')).toEqual({ city: expect.any(String) });
    }

    const schema = { type: 'object', properties: { capital: { type: 'string' } }, required: ['capital'] };
    const shaped = await chat(a, { ...asked, messages: [{ role: 'user', content: 'The capital of France, as JSON.' }], response_format: { type: 'json_schema', json_schema: { name: 'capital', schema, strict: true } } });
    expect(shaped.status).toBe(200);
    expect(new Set(shaped.reply.consensus.candidates.map((candidate) => candidate.source))).toEqual(new Set([aId, bId]));
    expect(JSON.parse(shaped.reply.choices[0]?.message.content ?? 'null')).toEqual({ capital: expect.any(String) });
  });

  it('a node stopped with SIGTERM leaves the others’ peer lists at once (mDNS goodbye)', async () => {
    await b.stop('SIGTERM');
    const took = await lan.waitFor('B gone from A', async () => (await peerStatus(a, bId)) === 'absent', 3_000, 100);
    process.stderr.write(`SIGTERM to removed: ${took} ms\n`);
  });

  it('a node killed with -9: requests keep succeeding, it turns unhealthy within seconds, expires after 60 s, and rejoins on restart', async () => {
    b = await lan.startNode('b', NODE_ARGS);
    await lan.waitFor('A lists B healthy', async () => (await peerStatus(a, bId)) === 'healthy', 10_000);
    // Dies mid-request: B is generating its vote when it is killed.
    const inFlight = chat(a, { ...CHAT, max_tokens: 48 });
    await lan.waitFor('B busy with the vote', async () => {
      // The user-facing /health: a paired node's /v1/federation/health shows its load only sealed.
      const health = (await lan.request('a', 'GET', `http://${b.host.address}:${API_PORT}/health`)).json<{ load: { busy_instances: number } }>();
      return health.load.busy_instances > 0;
    }, 10_000, 20);
    const killedAt = Date.now();
    await b.stop('SIGKILL');
    const midRequest = await inFlight;
    expect(midRequest.status).toBe(200);
    expect(midRequest.reply.consensus.sources.find((source) => source.id === bId)?.ok).toBe(false);
    // Requests right after the crash still get answers (the dead peer's vote fails, A's stands).
    for (let i = 0; i < 2; i += 1) expect((await chat(a)).status).toBe(200);
    await lan.waitFor('B unhealthy', async () => (await peerStatus(a, bId)) === 'unhealthy', 10_000);
    process.stderr.write(`kill -9 to unhealthy: ${Date.now() - killedAt} ms\n`);
    expect((await chat(a)).status).toBe(200);
    await lan.waitFor('B expired (60 s without mDNS answers)', async () => (await peerStatus(a, bId)) === 'expired', 80_000, 1_000);
    const expiredAfter = Date.now() - killedAt;
    process.stderr.write(`kill -9 to expired: ${expiredAfter} ms\n`);
    expect(expiredAfter).toBeGreaterThanOrEqual(55_000);

    b = await lan.startNode('b', NODE_ARGS);
    await lan.waitFor('B back and healthy', async () => (await peerStatus(a, bId)) === 'healthy', 10_000);
  });

  it('a partition: both halves keep answering, and see each other again when the link returns', async () => {
    await lan.lan.linkDown('b');
    await lan.waitFor('A marks B unhealthy', async () => (await peerStatus(a, bId)) === 'unhealthy', 10_000);
    const [fromA, fromB] = await Promise.all([chat(a), chat(b)]);
    expect(fromA.status).toBe(200);
    expect(fromB.status).toBe(200);
    expect(fromA.reply.consensus.sources.filter((s) => s.ok).map((s) => s.id)).toEqual([aId]);
    await lan.lan.linkUp('b');
    await lan.waitFor('A sees B healthy again', async () => (await peerStatus(a, bId)) === 'healthy', 15_000);
    await lan.waitFor('B sees A healthy again', async () => (await peerStatus(b, aId)) === 'healthy', 15_000);
    const healed = await chat(a);
    expect(new Set(healed.reply.consensus.sources.filter((s) => s.ok).map((s) => s.id))).toEqual(new Set([aId, bId]));
  });

  it('balance mode spreads requests over the nodes', async () => {
    const requests = 6;
    const replies = await Promise.all(Array.from({ length: requests }, () => chat(a, { ...CHAT, mode: 'balance', max_tokens: 6 })));
    const servedBy = replies.map((r) => r.reply.consensus.sources.find((s) => s.ok)?.id);
    const split = { [aId]: servedBy.filter((id) => id === aId).length, [bId]: servedBy.filter((id) => id === bId).length };
    process.stderr.write(`balance split of ${requests} concurrent requests: ${JSON.stringify(split)}\n`);
    expect(replies.every((r) => r.status === 200)).toBe(true);
    expect(split[aId]).toBeGreaterThan(0);
    expect(split[bId]).toBeGreaterThan(0);
    for (const r of replies) expect(r.reply.consensus.sources).toHaveLength(1);
  });

  it('an OpenAI-compatible server joins as a voter with --peer openai+http://…', async () => {
    // B is itself OpenAI-compatible: C asks it through /v1/chat/completions with n, like Ollama or vLLM.
    const c = await lan.startNode('c', [...NODE_ARGS, '--no-discovery', '--peer', `openai+http://${b.host.address}:${API_PORT}/v1`]);
    const openAiId = `openai:http://${b.host.address}:${API_PORT}/v1`;
    await lan.waitFor('C lists the OpenAI peer healthy', async () => (await peersOf(c)).some((p) => p.source === 'openai' && p.status === 'healthy'), 10_000);
    const { status, reply } = await chat(c);
    expect(status).toBe(200);
    const peer = reply.consensus.sources.find((s) => s.id !== reply.consensus.sources[0]?.id);
    expect(peer?.ok).toBe(true);
    expect(peer?.id).toBe((await peersOf(c)).find((p) => p.source === 'openai')?.node_id ?? openAiId);
    expect(reply.consensus.candidates.some((candidate) => candidate.source === peer?.id && candidate.score === null)).toBe(true);
    await c.stop();
  });
});
