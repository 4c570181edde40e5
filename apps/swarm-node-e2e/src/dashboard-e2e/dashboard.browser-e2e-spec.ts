import { netnsUnavailableReason } from '@local-swarm/test-netns';
import type { ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { API_PORT, FederationLan, type LanNode } from '../support/federation-lan';
import { REPO_ROOT } from '../support/swarm-node-process';
import { chromiumMissingReason, launchChromiumIn, type NamespacedBrowser } from './support/namespaced-chromium';

/**
 * The peer dashboard in a real browser: headless Chromium (Debian's, driven by playwright-core)
 * runs inside host A's namespace and opens A's page; two real nodes (A, B) vote together, a
 * third host (C) holds hand-added test peers. Screenshots go to test-artifacts/dashboard/.
 */
// Open federation: the manual peers these tests add are small unsealed test servers.
const NODE_ARGS = ['--federation', '--federation-open', '--threads', '1', '--instances', '1', '--context-size', '512'];
const ARTIFACTS = join(REPO_ROOT, 'test-artifacts', 'dashboard');
/** Joins and departures must appear within a second of the node knowing. */
const LIVE_WITHIN_MS = 1000;

interface PeerRow {
  node_id: string;
  name: string;
  status: 'healthy' | 'unhealthy' | 'expired';
  address: string;
  port: number;
}
interface DashboardStateJson {
  answers: {
    request_id: string;
    consensus: { winner: { index: number } | null; candidates: { source: string; text: string }[]; groups: unknown[] } | null;
  }[];
}
interface ErrorJson {
  error: { message: string };
}

const unavailable = netnsUnavailableReason();
const describeLan = unavailable === null ? describe : describe.skip;
if (unavailable !== null) {
  // Visible in the jest output: this suite needs root and iproute2.
  process.stderr.write(`dashboard browser e2e skipped: ${unavailable}\n`);
}

describeLan('peer dashboard in a browser, two nodes on a LAN of namespaces', () => {
  let lan: FederationLan | undefined;
  let a: LanNode;
  let b: LanNode;
  let aId: string;
  let bId: string;
  let chromium: NamespacedBrowser | undefined;
  let page: Page;
  const pageErrors: string[] = [];
  const foreignRequests: string[] = [];
  const manualPeers: ChildProcess[] = [];

  const api = (): FederationLan => {
    if (lan === undefined) throw new Error('no LAN');
    return lan;
  };
  const peersOfA = async (): Promise<PeerRow[]> => (await api().request('a', 'GET', `${a.url}/v1/federation/peers`)).json<PeerRow[]>();
  const shot = (name: string): Promise<Buffer> => page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
  const rowOf = (nodeId: string): string => `#peers-table tbody tr[data-node-id="${nodeId}"]`;
  const text = async (selector: string): Promise<string> => ((await page.textContent(selector)) ?? '').trim();

  /** A hand-addable test peer on host C; resolves once it listens. */
  async function startManualPeer(port: number, protocol: number, nodeId: string): Promise<string> {
    const host = api().host('c');
    const child = api().lan.exec(host, process.execPath, [join(__dirname, 'support', 'manual-peer.cjs'), host.address, String(port), String(protocol), nodeId], {
      env: { ...process.env, NODE_OPTIONS: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    manualPeers.push(child);
    await new Promise<void>((resolve, reject) => {
      let output = '';
      const timer = setTimeout(() => reject(new Error(`manual peer did not start: ${output}`)), 10_000);
      const onData = (chunk: Buffer): void => {
        output += chunk.toString();
        if (output.includes('listening')) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      child.once('exit', () => reject(new Error(`manual peer exited: ${output}`)));
    });
    return `${host.address}:${port}`;
  }

  /** Types an address into the form and waits until the page reports the outcome (error or added). */
  async function addPeerThroughPage(address: string): Promise<void> {
    await page.fill('#peer-address', address);
    await page.click('#peer-add');
    await page.waitForSelector('#peer-error:not([hidden]), #peer-ok:not([hidden])', { timeout: 15_000 });
    await page.waitForSelector('#peer-add:not([disabled])');
  }

  beforeAll(async () => {
    // Fail (never skip) when the browser is missing: these tests must run.
    const missing = chromiumMissingReason();
    if (missing !== null) throw new Error(missing);
    mkdirSync(ARTIFACTS, { recursive: true });
    lan = await FederationLan.create(['a', 'b', 'c']);
    a = await lan.startNode('a', NODE_ARGS);
    b = await lan.startNode('b', NODE_ARGS);
    aId = (await lan.request('a', 'GET', `${a.url}/v1/federation/health`)).json<{ node_id: string }>().node_id;
    bId = (await lan.request('b', 'GET', `${b.url}/v1/federation/health`)).json<{ node_id: string }>().node_id;
    await lan.waitFor('A lists B healthy', async () => (await peersOfA()).some((peer) => peer.node_id === bId && peer.status === 'healthy'), 20_000);

    chromium = await launchChromiumIn(lan.host('a').name);
    page = await chromium.browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(`${a.url}/`) && !url.startsWith('data:')) foreignRequests.push(url);
    });
    await page.goto(`${a.url}/`);
    await page.waitForSelector('#live[data-state="live"]', { timeout: 15_000 });
  });

  afterAll(async () => {
    await chromium?.close();
    for (const child of manualPeers) child.kill('SIGKILL');
    await lan?.destroy();
  });

  it('shows the node and lists the peer found by mDNS, live', async () => {
    const health = (await api().request('a', 'GET', `${a.url}/health`)).json<{ model: string; instances: number }>();
    await page.waitForFunction(`document.querySelector('[data-fact="model"]').textContent === ${JSON.stringify(health.model)}`);
    expect(await text('[data-fact="url"]')).toBe(a.url);
    expect(await text('[data-fact="instances"]')).toBe(String(health.instances));
    expect(await text('[data-fact="strategy"]')).toBe('majority · vote');
    expect(await text('[data-fact="queue"]')).toMatch(/^0 waiting \(max \d+\)$/);

    await page.waitForSelector(`${rowOf(bId)}[data-status="healthy"]`, { timeout: 5_000 });
    const peer = (await peersOfA()).find((row) => row.node_id === bId);
    expect(await text(`${rowOf(bId)} [data-col="name"]`)).toBe(peer?.name);
    expect(await text(`${rowOf(bId)} [data-col="address"]`)).toBe(`${b.host.address}:${API_PORT}`);
    expect(await text(`${rowOf(bId)} [data-col="source"]`)).toBe('mDNS');
    expect(await text(`${rowOf(bId)} [data-col="status"]`)).toContain('healthy');
    expect(await text(`${rowOf(bId)} [data-col="model"]`)).toBe(health.model);
    expect(await text(`${rowOf(bId)} [data-col="instances"]`)).toBe('1');
    expect(await text(`${rowOf(bId)} [data-col="rtt"]`)).toMatch(/^\d+ ms$/);
    await shot('01-peer-listed');
  });

  it('a chat shows its candidates arriving from both nodes, then the vote and why the winner won', async () => {
    // Every text the chat status shows, in order: candidates must be seen arriving before the vote.
    await page.evaluate(`(() => {
      const status = document.getElementById('chat-status');
      window.__chatStatus = [];
      new MutationObserver(() => window.__chatStatus.push(status.textContent)).observe(status, { childList: true, characterData: true, subtree: true });
    })()`);
    await page.fill('#chat-prompt', 'What is 2 + 3? Answer with a number.');
    await page.fill('#chat-max-tokens', '12');
    await page.click('#chat-send');
    const requestId = await page.getAttribute('#chat-live', 'data-request-id');
    expect(requestId).toMatch(/^dash-[0-9a-f]{16}$/);
    await page.waitForSelector('#chat-result .vote', { timeout: 120_000 });
    await page.waitForSelector('#chat-send:not([disabled])');

    const statuses = (await page.evaluate('window.__chatStatus')) as string[];
    const firstArrival = statuses.findIndex((status) => /arrived/.test(status));
    const vote = statuses.findIndex((status) => /vote:/.test(status));
    expect({ firstArrival: firstArrival >= 0, beforeVote: firstArrival < vote }).toEqual({ firstArrival: true, beforeVote: true });

    // Candidates from both nodes, as the event stream reported them.
    const sources = await page.$$eval('#chat-candidates li', (items) => items.map((item) => item.getAttribute('data-source')));
    expect(new Set(sources)).toEqual(new Set([aId, bId]));

    // The vote on the page is the node's own record of this request.
    const state = (await api().request('a', 'GET', `${a.url}/v1/dashboard/state`)).json<DashboardStateJson>();
    const answer = state.answers.find((entry) => entry.request_id === requestId);
    const consensus = answer?.consensus;
    if (consensus === null || consensus === undefined || consensus.winner === null) throw new Error(`no vote recorded for ${requestId}`);
    const winnerText = consensus.candidates[consensus.winner.index]?.text ?? '';
    expect(await text('#chat-result .winner-text')).toBe(winnerText.trim() === '' ? '(empty)' : winnerText.trim());
    expect(await page.$$eval('#chat-result .candidates-table tbody tr', (rows) => rows.length)).toBe(consensus.candidates.length);
    expect(await page.$$eval('#chat-result .candidates-table tbody tr.is-winner', (rows) => rows.length)).toBe(1);
    expect(await text('#chat-result .why')).not.toBe('');
    // The node panel counts it at once (the stream sends the node's facts with every answer).
    await page.waitForFunction(`Number(document.querySelector('[data-fact="requests"]').textContent) >= 1`, null, { timeout: LIVE_WITHIN_MS });

    // And it is on top of the recent answers, with its bars.
    const card = `#answers li[data-request-id="${requestId}"]`;
    await page.waitForSelector(card);
    expect(await page.$$eval('#answers > li', (items) => items[0]?.getAttribute('data-request-id'))).toBe(requestId);
    expect(await text(`${card} .winner-text`)).toBe(await text('#chat-result .winner-text'));
    // One bar per group of agreeing candidates.
    expect(await page.$$eval(`${card} .groups .group .bar`, (bars) => bars.length)).toBe(consensus.groups.length);
    await shot('02-chat-vote');
  });

  it('rejects a bad address, an unreachable peer and a wrong protocol version with the API’s message', async () => {
    const bad = 'not a peer address';
    await addPeerThroughPage(bad);
    // As the page sends it: from its own origin (other LAN clients may not add peers).
    const expected = (await api().request('a', 'POST', `${a.url}/v1/federation/peers`, { address: bad }, { origin: a.url })).json<ErrorJson>().error.message;
    expect(await page.isVisible('#peer-error')).toBe(true);
    expect(await text('#peer-error')).toBe(expected);
    expect(await page.getAttribute('#peer-address', 'aria-invalid')).toBe('true');
    await shot('03-bad-address');

    // Nothing listens on .99: the health check the API makes fails.
    await addPeerThroughPage(`${api().lan.subnet}.99:${API_PORT}`);
    expect(await text('#peer-error')).toMatch(/no Local Swarm peer answered/);

    const wrongVersion = await startManualPeer(17699, 99, 'manual-wrong-version');
    await addPeerThroughPage(wrongVersion);
    expect(await text('#peer-error')).toMatch(/protocol/i);
    expect((await peersOfA()).map((peer) => `${peer.address}:${peer.port}`)).not.toContain(wrongVersion);
  });

  it('adds a manual peer by address and removes it, both live in the table', async () => {
    const address = await startManualPeer(API_PORT, 1, 'manual-peer-c');
    const row = rowOf('manual-peer-c');
    await addPeerThroughPage(address);
    expect(await page.isVisible('#peer-error')).toBe(false);
    await page.waitForSelector(`${row}[data-status="healthy"]`, { timeout: LIVE_WITHIN_MS });
    expect(await text(`${row} [data-col="address"]`)).toBe(address);
    expect(await text(`${row} [data-col="source"]`)).toBe('manual');
    expect(await page.getAttribute('#peer-address', 'aria-invalid')).toBeNull();
    await shot('04-manual-peer-added');

    await page.click(`${row} button`);
    await page.waitForSelector(row, { state: 'detached', timeout: LIVE_WITHIN_MS });
    expect(await text('#peer-ok')).toMatch(/^Removed /);
    expect((await peersOfA()).map((peer) => peer.node_id)).not.toContain('manual-peer-c');
    // B is untouched.
    expect(await page.getAttribute(rowOf(bId), 'data-status')).toBe('healthy');
    await shot('05-manual-peer-removed');
  });

  it('shows the peer turn unhealthy within a second of the node knowing, after kill -9', async () => {
    const killedAt = Date.now();
    await b.stop('SIGKILL');
    const nodeKnew = api()
      .waitFor('A lists B unhealthy', async () => (await peersOfA()).find((peer) => peer.node_id === bId)?.status === 'unhealthy', 30_000, 50)
      .then(() => Date.now());
    const pageShowed = page.waitForSelector(`${rowOf(bId)}[data-status="unhealthy"]`, { timeout: 30_000 }).then(() => Date.now());
    const [knewAt, showedAt] = await Promise.all([nodeKnew, pageShowed]);
    process.stderr.write(`dashboard: B killed → A knew in ${knewAt - killedAt} ms, page showed it in ${showedAt - killedAt} ms\n`);
    expect(showedAt - knewAt).toBeLessThan(LIVE_WITHIN_MS);
    expect(await text(`${rowOf(bId)} [data-col="status"]`)).toContain('unhealthy');
    expect(Number(await text(`${rowOf(bId)} [data-col="failures"]`))).toBeGreaterThan(0);
    expect(await page.$$eval('#peer-log li', (items) => items.map((item) => item.textContent ?? ''))).toEqual(
      expect.arrayContaining([expect.stringMatching(/healthy → unhealthy/)]),
    );
    await shot('06-peer-unhealthy');
  });

  it('is usable at phone width and never loaded anything from outside the node', async () => {
    await page.setViewportSize({ width: 375, height: 812 });
    const overflow = (await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth')) as number;
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await page.isVisible('#chat-send')).toBe(true);
    expect(await page.isVisible('#peer-add')).toBe(true);
    await shot('07-phone-width');
    expect(foreignRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
