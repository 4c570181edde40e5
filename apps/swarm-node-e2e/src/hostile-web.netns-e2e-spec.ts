import { netnsUnavailableReason } from '@local-swarm/test-netns';
import { API_PORT, FederationLan, type HttpReply, type LanNode } from './support/federation-lan';
import { rawHttp, rawRequest } from './support/raw-http';

/**
 * A real node on a LAN address, attacked the way a web page in the user's browser or a LAN
 * neighbour would: DNS rebinding, cross-site form posts, foreign origins, oversized and deeply
 * nested bodies, slow bodies, event-stream floods and one client flooding the queue.
 */
const REQUEST_TIMEOUT_MS = 2000;
const MAX_QUEUE = 4;
const APP_ORIGIN = 'http://app.example:8080';
const NODE_ARGS = [
  '--federation', '--no-discovery', '--threads', '1', '--instances', '1', '--context-size', '1024',
  '--max-queue', String(MAX_QUEUE), '--request-timeout-ms', String(REQUEST_TIMEOUT_MS), '--cors-origin', APP_ORIGIN,
];
const CHAT = { messages: [{ role: 'user', content: 'Say yes.' }], max_tokens: 4 };
const LONG_CHAT = { messages: [{ role: 'user', content: 'Write a long story about a dragon who learns to bake bread.' }], max_tokens: 600 };

interface ErrorBody {
  error: { code: string | null; message: string };
}
interface SwaggerDocument {
  paths: Record<string, Record<string, unknown>>;
}

const describeLan = netnsUnavailableReason() === null ? describe : describe.skip;
let lan: FederationLan;
let node: LanNode;
let nodeAddress: string;

beforeAll(async () => {
  lan = await FederationLan.create(['node', 'client', 'other']);
  node = await lan.startNode('node', NODE_ARGS);
  nodeAddress = lan.host('node').address;
});

afterAll(async () => {
  await lan?.destroy();
});

const get = (path: string, headers: Record<string, string> = {}): Promise<HttpReply> =>
  lan.request('client', 'GET', `${node.url}${path}`, undefined, headers);
const post = (path: string, body: unknown, headers: Record<string, string> = {}, from = 'client'): Promise<HttpReply> =>
  lan.request(from, 'POST', `${node.url}${path}`, body, headers);
const errorCode = (reply: HttpReply): string | null => reply.json<ErrorBody>().error.code;
const requestsServed = async (): Promise<number> => {
  const text = (await get('/metrics')).text;
  return [...text.matchAll(/^local_swarm_requests_total\{[^}]*\} (\d+)/gm)].reduce((sum, match) => sum + Number(match[1]), 0);
};
/** Sends one raw request (exact headers, no Host unless given) and returns its status. */
const rawStatus = async (text: string): Promise<number> => {
  const [result] = await rawHttp(lan, 'client', { address: nodeAddress, port: API_PORT, chunks: [{ text, delayMs: 0 }], timeoutMs: 10_000 }).done;
  return result?.status ?? -1;
};

describeLan('a node facing web pages and LAN neighbours', () => {
  it('refuses a rebinding Host, an empty Host and a missing Host before routing, and serves its own address', async () => {
    for (const path of ['/v1/dashboard/state', '/metrics', '/v1/federation/peers']) {
      expect(await rawStatus(rawRequest('GET', path, { host: `rebind.example:${API_PORT}`, connection: 'close' }))).toBe(403);
      expect(await rawStatus(rawRequest('GET', path, { host: '', connection: 'close' }))).toBe(403);
      expect(await rawStatus(rawRequest('GET', path, { connection: 'close' }))).toBe(403);
      expect(await rawStatus(rawRequest('GET', path, { host: `${nodeAddress}:${API_PORT}`, connection: 'close' }))).toBe(200);
    }
  });

  it('refuses a cross-site form post to every POST route: nothing is generated or added', async () => {
    const swagger = (await get('/docs-json')).json<SwaggerDocument>();
    const postPaths = Object.entries(swagger.paths).filter(([, methods]) => 'post' in methods).map(([path]) => path);
    expect(postPaths).toEqual(expect.arrayContaining(['/v1/completions', '/v1/chat/completions', '/v1/embeddings', '/v1/responses', '/v1/federation/peers', '/v1/federation/vote']));
    const servedBefore = await requestsServed();
    const form = `prompt=hi&address=${lan.host('other').address}%3A${API_PORT}&model=x`;
    const formType = { 'content-type': 'application/x-www-form-urlencoded' };
    for (const path of postPaths) {
      // As a browser sends it from another site, and as an old browser without Origin would.
      const browser = await post(path, form, { ...formType, origin: 'http://evil.example', 'sec-fetch-site': 'cross-site' });
      expect([path, [403, 415].includes(browser.status)]).toEqual([path, true]);
      const bare = await post(path, form, formType);
      expect([path, bare.status, errorCode(bare)]).toEqual([path, 415, 'unsupported_media_type']);
      const plain = await post(path, '{"prompt":"hi"}', { 'content-type': 'text/plain' });
      expect([path, plain.status]).toEqual([path, 415]);
    }
    expect(await requestsServed()).toBe(servedBefore);
    expect((await get('/v1/federation/peers')).json<unknown[]>()).toEqual([]);
  });

  it('refuses a JSON post from a foreign origin, and serves an allowed origin with CORS headers', async () => {
    const foreign = await post('/v1/chat/completions', CHAT, { origin: 'https://evil.example' });
    expect([foreign.status, errorCode(foreign)]).toEqual([403, 'forbidden_origin']);
    expect(foreign.headers['access-control-allow-origin']).toBeUndefined();

    const [preflight] = await rawHttp(lan, 'client', {
      address: nodeAddress,
      port: API_PORT,
      chunks: [{
        text: rawRequest('OPTIONS', '/v1/chat/completions', {
          host: `${nodeAddress}:${API_PORT}`, origin: APP_ORIGIN, 'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type', connection: 'close',
        }),
        delayMs: 0,
      }],
    }).done;
    expect(preflight?.status).toBeGreaterThanOrEqual(200);
    expect(preflight?.status).toBeLessThan(300);
    expect(preflight?.head.toLowerCase()).toContain(`access-control-allow-origin: ${APP_ORIGIN}`);

    const allowed = await post('/v1/chat/completions', CHAT, { origin: APP_ORIGIN, 'sec-fetch-site': 'cross-site' });
    expect(allowed.status).toBe(200);
    expect(allowed.headers['access-control-allow-origin']).toBe(APP_ORIGIN);
    expect(allowed.headers.vary?.toLowerCase()).toContain('origin');
  });

  it('answers 400 to deeply nested JSON and to 300 messages, and keeps serving', async () => {
    const nested = await post('/v1/chat/completions', `{"messages":${'['.repeat(5000)}${']'.repeat(5000)}}`);
    expect([nested.status, errorCode(nested)]).toEqual([400, 'json_too_deep']);
    const many = await post('/v1/chat/completions', { messages: Array.from({ length: 300 }, () => ({ role: 'user', content: 'hi' })), max_tokens: 1 });
    expect(many.status).toBe(400);
    expect((await get('/health')).status).toBe(200);
    expect((await post('/v1/chat/completions', CHAT)).status).toBe(200);
  });

  it('closes a slow body within the request timeout while a long generation on another connection completes', async () => {
    const generation = post('/v1/chat/completions', LONG_CHAT, {}, 'other');
    const head = `POST /v1/chat/completions HTTP/1.1\r\nhost: ${nodeAddress}:${API_PORT}\r\ncontent-type: application/json\r\ncontent-length: 200\r\n\r\n{"messages":`;
    const [slow] = await rawHttp(lan, 'client', {
      address: nodeAddress,
      port: API_PORT,
      chunks: [{ text: head, delayMs: 0 }, { text: '[', delayMs: 20_000 }],
      timeoutMs: 25_000,
    }).done;
    // Node checks request timeouts on an interval: allow that interval and a loaded machine.
    expect(slow?.closedAfterMs).not.toBeNull();
    expect(slow?.closedAfterMs).toBeLessThan(REQUEST_TIMEOUT_MS + 4000);
    const reply = await generation;
    expect(reply.status).toBe(200);
    // The generation outlived the request timeout: the timeout covers receiving, not answering.
    expect(reply.elapsedMs).toBeGreaterThan(REQUEST_TIMEOUT_MS);
  });

  it('answers 429 beyond the event-stream cap, and the dashboard still works', async () => {
    const watchers = rawHttp(lan, 'client', {
      address: nodeAddress,
      port: API_PORT,
      connections: 40,
      chunks: [{ text: rawRequest('GET', '/v1/dashboard/events', { host: `${nodeAddress}:${API_PORT}`, accept: 'text/event-stream' }), delayMs: 0 }],
      timeoutMs: 60_000,
    });
    try {
      const statuses = await watchers.statuses;
      expect(statuses.filter((status) => status === 200)).toHaveLength(32);
      expect(statuses.filter((status) => status === 429)).toHaveLength(8);
      expect((await lan.request('other', 'GET', `${node.url}/v1/dashboard/state`)).status).toBe(200);
      expect((await lan.request('other', 'GET', `${node.url}/`)).status).toBe(200);
    } finally {
      watchers.kill();
    }
  });

  it('leaves room in the queue for a second client while one client floods it', async () => {
    const flood = Array.from({ length: 10 }, () => post('/v1/chat/completions', LONG_CHAT));
    await lan.waitFor('the flood to queue', async () => {
      const health = (await get('/health')).json<{ load: { queued_requests: number } }>();
      return health.load.queued_requests >= MAX_QUEUE / 2;
    }, 20_000, 50);
    const second = await post('/v1/chat/completions', CHAT, {}, 'other');
    expect(second.status).toBe(200);
    const replies = await Promise.all(flood);
    const refused = replies.filter((reply) => reply.status === 429);
    expect(refused.length).toBeGreaterThan(0);
    expect(new Set(refused.map(errorCode))).toEqual(new Set(['client_queue_share_exceeded']));
  });
});
