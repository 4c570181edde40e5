import 'reflect-metadata';
import { PeerDirectory } from '@local-swarm/federation';
import { silentFederationLogger } from '@local-swarm/federation-protocol';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { readdirSync, readFileSync } from 'node:fs';
import { get, type IncomingMessage } from 'node:http';
import { join } from 'node:path';
import pino from 'pino';
import { AppModule } from '../app.module';
import { RequestEvents, type RequestFinished, type VoteServed } from '../observability/request-events';
import { peerViewOf } from '../peers/peer-view';
import type { PeerView } from '../peers/peers.tokens';
import { createTestApp } from '../testing/create-test-app';
import { FakePeersModule } from '../testing/fake-peers.module';
import { FakeSwarm } from '../testing/fake-swarm';
import { TEST_NODE_SETTINGS } from '../testing/test-node-settings';
import { DashboardHub, type CandidateEvent, type DashboardState } from './dashboard-hub';
import { formatSseEvent, SSE_HEARTBEAT } from './dashboard-sse';
import { MAX_DASHBOARD_EVENT_STREAMS } from './dashboard-streams';
import { DEFAULT_PUBLIC_DIR } from './dashboard.module';
import type { AnswerSummary } from './recent-answers';
import type { ServedVoteSummary } from './served-votes';

const CHAT = { messages: [{ role: 'user', content: 'What is 2 + 3?' }] };
/** Short, so the periodic `node` event shows up within a test. */
const NODE_INTERVAL_MS = 100;
/** Short, so heartbeats show up within a test. */
const HEARTBEAT_MS = 50;

interface Harness {
  readonly app: NestFastifyApplication;
  readonly fastify: FastifyInstance;
  readonly events: RequestEvents;
  readonly url: string;
}

/**
 * The app as start-node wires it (AppModule imports DashboardModule), listening on 127.0.0.1:0:
 * with federation off, or over a peer view the spec drives.
 */
async function startApp(peers?: () => PeerView): Promise<Harness> {
  const events = new RequestEvents();
  const options = { swarm: new FakeSwarm(), settings: TEST_NODE_SETTINGS, logger: pino({ level: 'silent' }), events, dashboard: { nodeIntervalMs: NODE_INTERVAL_MS, heartbeatMs: HEARTBEAT_MS } };
  const root = peers === undefined ? AppModule.forRoot({ ...options, federation: null }) : AppModule.withPeers(FakePeersModule.forRoot(peers), options);
  const { app, fastify } = await createTestApp(root);
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, fastify, events, url: await app.getUrl() };
}

/** One event as EventSource dispatches it (data parsed as JSON). */
interface SseEvent {
  readonly event: string;
  readonly data: unknown;
}

/** Parses the complete events of an SSE text (WHATWG HTML §9.2.6); the unfinished tail is left. */
function parseSse(text: string): SseEvent[] {
  const blocks = text.split(/\r\n\r\n|\n\n|\r\r/);
  blocks.pop();
  const events: SseEvent[] = [];
  for (const block of blocks) {
    let event = 'message';
    const data: string[] = [];
    for (const line of block.split(/\r\n|\n|\r/)) {
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon === -1 ? line : line.slice(0, colon);
      const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') event = value;
      else if (field === 'data') data.push(value);
    }
    if (data.length > 0) events.push({ event, data: JSON.parse(data.join('\n')) as unknown });
  }
  return events;
}

/** A client of /v1/dashboard/events over real HTTP. */
interface EventClient {
  readonly response: IncomingMessage;
  readonly raw: () => string;
  events(): SseEvent[];
  /** Resolves with the first event (from the start of the stream) that matches. */
  waitFor(predicate: (event: SseEvent) => boolean, what: string, timeoutMs?: number): Promise<SseEvent>;
  readonly ended: Promise<void>;
  close(): void;
}

function openEvents(url: string): Promise<EventClient> {
  return new Promise((resolve, reject) => {
    const request = get(`${url}/v1/dashboard/events`, (response) => {
      let text = '';
      const waiters = new Set<() => void>();
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        text += chunk;
        for (const waiter of waiters) waiter();
      });
      const ended = new Promise<void>((done) => response.once('close', () => done()));
      resolve({
        response,
        raw: () => text,
        events: () => parseSse(text),
        waitFor: (predicate, what, timeoutMs = 3000) =>
          new Promise((found, fail) => {
            const check = (): void => {
              const match = parseSse(text).find(predicate);
              if (match === undefined) return;
              clearTimeout(timer);
              waiters.delete(check);
              found(match);
            };
            const timer = setTimeout(() => {
              waiters.delete(check);
              fail(new Error(`no ${what} within ${timeoutMs} ms; got: ${text}`));
            }, timeoutMs);
            waiters.add(check);
            check();
          }),
        ended,
        close: () => request.destroy(),
      });
    });
    request.once('error', reject);
  });
}

function post(fastify: FastifyInstance, url: string, payload: unknown, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
  return fastify.inject({ method: 'POST', url, payload: JSON.stringify(payload), headers: { 'content-type': 'application/json', ...headers } });
}

function finished(requestId: string): RequestFinished {
  return { requestId, startedAt: Date.now(), durationMs: 1, strategy: 'majority', mode: 'vote', run: null, error: { status: 500, code: null, message: 'x' } };
}

describe('dashboard (in-process, fake swarm, federation off)', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startApp();
  });

  afterAll(async () => {
    await harness.app.close();
  });

  it('serves the page at / with a policy that allows only this node', async () => {
    const response = await harness.fastify.inject({ method: 'GET', url: '/' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['content-security-policy']).toContain("connect-src 'self'");
    expect(response.body).toContain('<script type="module" src="/assets/app.js"></script>');
  });

  it.each([
    ['/assets/app.js', /javascript/],
    ['/assets/answers.js', /javascript/],
    ['/assets/dashboard.css', /^text\/css/],
  ])('serves %s from public/assets', async (url, type) => {
    const response = await harness.fastify.inject({ method: 'GET', url });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(type);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });

  it.each(['/assets/%2e%2e/index.html', '/assets/..%2f..%2fpackage.json', '/assets/missing.js'])('serves nothing outside public/assets: %s', async (url) => {
    const response = await harness.fastify.inject({ method: 'GET', url });
    expect(response.statusCode).toBeGreaterThanOrEqual(400);
    expect(response.body).not.toContain('<html');
    expect(response.body).not.toContain('"dependencies"');
  });

  it('loads nothing from outside the node (no absolute URLs in src/href, no CSS imports or url())', () => {
    const files = ['index.html', ...readdirSync(join(DEFAULT_PUBLIC_DIR, 'assets')).map((name) => join('assets', name))];
    expect(files).toEqual(expect.arrayContaining(['index.html', join('assets', 'app.js'), join('assets', 'dashboard.css')]));
    for (const file of files) {
      const text = readFileSync(join(DEFAULT_PUBLIC_DIR, file), 'utf8');
      expect({ file, refs: text.match(/(?:src|href)\s*=\s*["']?(?:https?:)?\/\/[^"' >]*/gi) }).toEqual({ file, refs: null });
      expect({ file, imports: text.match(/\bimport\b[^;\n]*["'](?:https?:)?\/\/[^"']*/g) }).toEqual({ file, imports: null });
      expect({ file, fetches: text.match(/(?:fetch|EventSource)\(\s*["'`](?:https?:)?\/\//g) }).toEqual({ file, fetches: null });
      if (file.endsWith('.css')) expect({ file, css: text.match(/@import|url\(/g) }).toEqual({ file, css: null });
    }
  });

  it('refuses clients outside private networks on every dashboard route', async () => {
    for (const url of ['/', '/assets/app.js', '/v1/dashboard/state', '/v1/dashboard/events']) {
      const response = await harness.fastify.inject({ method: 'GET', url, remoteAddress: '8.8.8.8' });
      expect({ url, status: response.statusCode }).toEqual({ url, status: 403 });
    }
  });

  it('GET /v1/dashboard/state: node facts, no peers with federation off, no answers yet', async () => {
    const response = await harness.fastify.inject({ method: 'GET', url: '/v1/dashboard/state' });
    expect(response.statusCode).toBe(200);
    const state = response.json<DashboardState>();
    expect(state.federation).toEqual({ enabled: false });
    expect(state.peers).toEqual([]);
    expect(state.answers).toEqual([]);
    expect(state.served_votes).toEqual({ served: 0, refused: 0, recent: [] });
    expect(state.node).toMatchObject({
      node_id: 'local',
      version: '9.9.9-test',
      model: 'fake-model',
      instances: 3,
      context_size: 2048,
      hardware: 'test hardware',
      url: harness.url.replace('localhost', '127.0.0.1'),
      strategy: 'majority',
      mode: 'vote',
      federation: false,
      requests_served: 0,
      load: { busy_instances: 0, capacity: 3, queued_requests: 0, max_queue: 8 },
    });
    expect(state.node.uptime_s).toBeGreaterThanOrEqual(42);
  });

  it('keeps a finished request with its candidates, groups, agreement and winner', async () => {
    const chat = await post(harness.fastify, '/v1/chat/completions', CHAT, { 'x-request-id': 'spec-req-1' });
    expect(chat.statusCode).toBe(200);
    const state = (await harness.fastify.inject({ method: 'GET', url: '/v1/dashboard/state' })).json<DashboardState>();
    expect(state.node.requests_served).toBe(1);
    const [answer] = state.answers;
    expect(answer).toMatchObject({ request_id: 'spec-req-1', strategy: 'majority', mode: 'vote', error: null });
    expect(answer?.consensus?.candidates.map((c) => [c.source, c.text, c.score, c.dropped])).toEqual([
      ['local', '5', -0.9, null],
      ['local', '5', -0.7, null],
      ['local', 'six', -0.1, null],
    ]);
    expect(answer?.consensus?.groups.map((group) => group.members)).toEqual([expect.arrayContaining([0, 1]), [2]]);
    expect(answer?.consensus?.agreement).toBe(0.6667);
    expect([0, 1]).toContain(answer?.consensus?.winner?.index);
    // The same consensus the client got.
    expect(answer?.consensus).toEqual(chat.json<{ consensus: unknown }>().consensus);
  });

  it('keeps only the last 20 finished requests, newest first', async () => {
    for (let i = 0; i < 25; i += 1) harness.events.emit('finished', finished(`ring-${i}`));
    const state = (await harness.fastify.inject({ method: 'GET', url: '/v1/dashboard/state' })).json<DashboardState>();
    expect(state.answers.map((answer) => answer.request_id)).toEqual(Array.from({ length: 20 }, (_, i) => `ring-${24 - i}`));
  });

  it('shows the votes served to peers: counts, and the last ones live and in the state', async () => {
    const client = await openEvents(harness.url);
    try {
      await client.waitFor((event) => event.event === 'peers', 'the first events');
      const vote: VoteServed = { requestId: 'peer-req-1', originNodeId: 'ls-<b>peer</b>', clientIp: '10.0.0.7', candidates: 3, durationMs: 420, maxTokensAsked: 4096, maxTokensGranted: 512, error: null };
      harness.events.emit('vote-served', vote);
      harness.events.emit('vote-served', { ...vote, requestId: 'peer-req-2', candidates: 0, error: { status: 429, code: 'queue_full' } });
      const live = await client.waitFor((event) => event.event === 'vote-served', 'vote-served');
      expect(live.data).toMatchObject({ request_id: 'peer-req-1', origin_node_id: 'ls-<b>peer</b>', candidates: 3, duration_ms: 420, clamped: true });
      const state = (await harness.fastify.inject({ method: 'GET', url: '/v1/dashboard/state' })).json<DashboardState>();
      expect(state.served_votes).toMatchObject({ served: 1, refused: 1 });
      expect(state.served_votes.recent.map((summary: ServedVoteSummary) => [summary.request_id, summary.error?.status ?? 200])).toEqual([
        ['peer-req-2', 429],
        ['peer-req-1', 200],
      ]);
      expect(state.served_votes.recent[1]).toEqual(live.data);
    } finally {
      client.close();
    }
  });

  it('GET /v1/dashboard/events: named events; node and peers at once, then the node every interval', async () => {
    const client = await openEvents(harness.url);
    try {
      expect(client.response.statusCode).toBe(200);
      expect(client.response.headers['content-type']).toBe('text/event-stream; charset=utf-8');
      expect(client.response.headers['cache-control']).toMatch(/no-cache/);
      await client.waitFor((event) => event.event === 'peers', 'peers');
      expect(client.raw().startsWith('retry: 1000\n\n')).toBe(true);
      expect(client.events().slice(0, 3).map((event) => event.event)).toEqual(['hello', 'node', 'peers']);
      expect(client.events()[0]?.data).toEqual({ federation: false, node_id: 'local' });
      expect(client.events()[2]?.data).toEqual({ peers: [], change: { kind: 'refresh', node_id: null, name: null } });
      await client.waitFor(
        (event) => event.event === 'node' && client.events().filter((e) => e.event === 'node').length >= 3,
        'three node events',
        NODE_INTERVAL_MS * 20,
      );
      const node = client.events().find((event) => event.event === 'node')?.data;
      expect(node).toMatchObject({ model: 'fake-model', requests_served: expect.any(Number), load: { queued_requests: 0 } });
    } finally {
      client.close();
    }
  });

  it('streams a request: started, each candidate with its request id, then the answer', async () => {
    const client = await openEvents(harness.url);
    try {
      await client.waitFor((event) => event.event === 'peers', 'the first events');
      const chat = await post(harness.fastify, '/v1/chat/completions', CHAT, { 'x-request-id': 'spec-req-2' });
      expect(chat.statusCode).toBe(200);
      const answer = await client.waitFor((event) => event.event === 'answer', 'answer');
      const mine = client.events().filter((event) => ['started', 'candidate', 'answer'].includes(event.event));
      expect(mine.map((event) => event.event)).toEqual(['started', 'candidate', 'candidate', 'candidate', 'answer']);
      // The node facts follow the answer at once (requests served moved), not at the next tick.
      const events = client.events();
      const answerAt = events.findIndex((event) => event.event === 'answer');
      expect(events[answerAt + 1]).toEqual({ event: 'node', data: expect.objectContaining({ requests_served: expect.any(Number) }) });
      const served = (events[answerAt + 1]?.data as { requests_served: number }).requests_served;
      expect(served).toBe(harness.events.finishedCount);
      expect(mine[0]?.data).toMatchObject({ request_id: 'spec-req-2', strategy: 'majority', mode: 'vote' });
      const candidates = mine.filter((event) => event.event === 'candidate').map((event) => event.data as CandidateEvent);
      expect(candidates.map((event) => [event.request_id, event.candidate.source, event.candidate.sequence, event.candidate.text])).toEqual([
        ['spec-req-2', 'local', 0, '5'],
        ['spec-req-2', 'local', 1, '5'],
        ['spec-req-2', 'local', 2, 'six'],
      ]);
      const summary = answer.data as AnswerSummary;
      expect(summary.request_id).toBe('spec-req-2');
      const state = (await harness.fastify.inject({ method: 'GET', url: '/v1/dashboard/state' })).json<DashboardState>();
      expect(state.answers[0]).toEqual(summary);
    } finally {
      client.close();
    }
  });

  it('frames every payload as one event with one data line, whatever the text holds', () => {
    const text = 'line one\nline two\r\n\ndata: fake\n\nevent: peers';
    const frame = formatSseEvent('candidate', { text });
    expect(frame).toMatch(/^event: candidate\ndata: [^\n]*\n\n$/);
    expect(parseSse(frame)).toEqual([{ event: 'candidate', data: { text } }]);
  });

  it('forgets a client that went away', async () => {
    const hub = harness.app.get(DashboardHub);
    const client = await openEvents(harness.url);
    await client.waitFor((event) => event.event === 'peers', 'the first events');
    expect(hub.watchers).toBe(1);
    client.close();
    await client.ended;
    await waitUntil(() => hub.watchers === 0, 'the hub to drop the stream');
    expect((await post(harness.fastify, '/v1/chat/completions', CHAT)).statusCode).toBe(200);
  });

  it('sends a heartbeat comment on an idle stream, again and again', async () => {
    const client = await openEvents(harness.url);
    try {
      await client.waitFor((event) => event.event === 'peers', 'the first events');
      const started = Date.now();
      while (client.raw().split(SSE_HEARTBEAT).length - 1 < 3) {
        if (Date.now() - started > HEARTBEAT_MS * 40) throw new Error(`no three heartbeats; got: ${client.raw()}`);
        await new Promise((resolve) => setTimeout(resolve, HEARTBEAT_MS));
      }
      expect(SSE_HEARTBEAT).toBe(': heartbeat\n\n');
      // A comment is not an event: the page sees only the named events.
      expect(client.events().every((event) => event.event !== 'message')).toBe(true);
    } finally {
      client.close();
    }
  });

  it(`refuses event stream ${MAX_DASHBOARD_EVENT_STREAMS + 1} with 429 too_many_event_streams; state and page still answer`, async () => {
    const hub = harness.app.get(DashboardHub);
    const clients = await Promise.all(Array.from({ length: MAX_DASHBOARD_EVENT_STREAMS }, () => openEvents(harness.url)));
    try {
      expect(clients.every((client) => client.response.statusCode === 200)).toBe(true);
      expect(hub.watchers).toBe(MAX_DASHBOARD_EVENT_STREAMS);
      const refused = await openEvents(harness.url);
      await refused.ended;
      expect(refused.response.statusCode).toBe(429);
      expect(refused.response.headers['content-type']).toMatch(/^application\/json/);
      expect(JSON.parse(refused.raw())).toEqual({
        error: { type: 'rate_limit_error', code: 'too_many_event_streams', param: null, message: expect.stringContaining(`${MAX_DASHBOARD_EVENT_STREAMS} dashboard event streams`) },
      });
      expect(hub.watchers).toBe(MAX_DASHBOARD_EVENT_STREAMS);
      expect((await harness.fastify.inject({ method: 'GET', url: '/v1/dashboard/state' })).statusCode).toBe(200);
      expect((await harness.fastify.inject({ method: 'GET', url: '/' })).statusCode).toBe(200);

      const [first] = clients.splice(0, 1);
      first?.close();
      await waitUntil(() => hub.watchers === MAX_DASHBOARD_EVENT_STREAMS - 1, 'a stream to close');
      const next = await openEvents(harness.url);
      clients.push(next);
      expect(next.response.statusCode).toBe(200);
    } finally {
      for (const client of clients) client.close();
      await waitUntil(() => hub.watchers === 0, 'every stream to close');
    }
  });
});

describe('dashboard with federation on (a PeerDirectory that runs no health checks)', () => {
  let harness: Harness;
  let directory: PeerDirectory;
  let views = 0;

  beforeAll(async () => {
    directory = new PeerDirectory({
      nodeId: 'local',
      settings: { peers: [], unhealthyAfterFailures: 3, healthIntervalMs: 60_000, voteTimeoutMs: 1000 },
      logger: silentFederationLogger,
      onVoteFailed: () => undefined,
    });
    // The peer view PeersModule gives with --federation, over a directory the spec drives.
    harness = await startApp(() => {
      views += 1;
      return peerViewOf(directory);
    });
  });

  let closed = false;

  afterAll(async () => {
    if (!closed) await harness.app.close();
  });

  const peerB = { nodeId: 'ls-b', name: 'node-b', address: '10.0.0.2', port: 17615, modelId: 'fake-model', instances: 1, lastSeen: Date.now() };

  it('shares the one peer view with every module (one instance)', () => {
    expect(views).toBe(1);
  });

  it('lists the peers in the state', async () => {
    directory.seen(peerB);
    const state = (await harness.fastify.inject({ method: 'GET', url: '/v1/dashboard/state' })).json<DashboardState>();
    expect(state.federation).toEqual({ enabled: true });
    expect(state.node.federation).toBe(true);
    expect(state.peers).toEqual([expect.objectContaining({ node_id: 'ls-b', name: 'node-b', address: '10.0.0.2', port: 17615, source: 'mdns', status: 'unhealthy' })]);
    directory.remove('ls-b');
  });

  it('sends `peers` at once on a join, a status change and a departure', async () => {
    const client = await openEvents(harness.url);
    try {
      await client.waitFor((event) => event.event === 'peers', 'the first peers');
      expect(client.events()[0]?.data).toEqual({ federation: true, node_id: 'local' });
      const before = Date.now();
      directory.seen(peerB);
      const joined = await client.waitFor((event) => event.event === 'peers' && (event.data as { change: { kind: string } }).change.kind === 'added', 'join');
      expect(Date.now() - before).toBeLessThan(1000);
      expect(joined.data).toEqual({
        peers: [expect.objectContaining({ node_id: 'ls-b', status: 'unhealthy' })],
        change: { kind: 'added', node_id: 'ls-b', name: 'node-b' },
      });
      directory.expired('ls-b');
      const changed = await client.waitFor((event) => event.event === 'peers' && (event.data as { change: { kind: string } }).change.kind === 'changed', 'change');
      expect(changed.data).toMatchObject({ peers: [expect.objectContaining({ status: 'expired' })], change: { node_id: 'ls-b', from: 'unhealthy', to: 'expired' } });
      directory.remove('ls-b');
      const left = await client.waitFor((event) => event.event === 'peers' && (event.data as { change: { kind: string } }).change.kind === 'removed', 'departure');
      expect(left.data).toEqual({ peers: [], change: { kind: 'removed', node_id: 'ls-b', name: 'node-b', reason: 'removed' } });
    } finally {
      client.close();
    }
  });

  it('closes open streams on shutdown, so the server can stop', async () => {
    const client = await openEvents(harness.url);
    await client.waitFor((event) => event.event === 'peers', 'the first events');
    closed = true;
    let timer: NodeJS.Timeout | undefined;
    const hung = new Promise((resolve) => (timer = setTimeout(() => resolve('hung'), 4000)));
    const outcome = await Promise.race([harness.app.close().then(() => 'closed'), hung]);
    clearTimeout(timer);
    expect(outcome).toBe('closed');
    await client.ended;
  });
});

async function waitUntil(check: () => boolean, what: string, timeoutMs = 2000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
