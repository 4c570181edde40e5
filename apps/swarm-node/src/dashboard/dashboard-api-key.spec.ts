/**
 * The page against a node with an API key: its own modules (public/assets/api.js) run in a child
 * Node process (they are ES modules; jest here loads CommonJS) and talk to a real node listening
 * on loopback. The page asks for the key once, keeps it in sessionStorage, sends it as a header on
 * every call and on the event stream, and never puts it in a URL or a log line.
 */
import type { AddressInfo } from 'node:net';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { ApiKey } from '../security/api-key';
import { createSurfaceTestApp, type SurfaceTestApp } from '../testing/surface-test-app';
import { DEFAULT_PUBLIC_DIR } from './dashboard.module';

const KEY = 'dashboard-key_0123456789abcdefghijklmn';

interface PageRun {
  readonly asks: number;
  readonly stateLoaded: boolean;
  readonly refused: number | null;
  readonly hello: boolean;
  readonly urls: readonly string[];
  readonly authorizations: readonly (string | null)[];
  readonly stored: string | null;
  readonly logged: string;
}

/** What the page does in a fresh tab whose user answers the key question with `answer`. */
async function runPage(origin: string, answer: string | null): Promise<PageRun> {
  const assets = (name: string): string => pathToFileURL(join(DEFAULT_PUBLIC_DIR, 'assets', name)).href;
  const script = `
const store = new Map();
globalThis.sessionStorage = { getItem: (k) => store.get(k) ?? null, setItem: (k, v) => store.set(k, String(v)), removeItem: (k) => store.delete(k) };
const urls = [], authorizations = [];
const realFetch = globalThis.fetch;
globalThis.fetch = (url, init = {}) => {
  urls.push(url);
  authorizations.push(init.headers?.authorization ?? null);
  return realFetch(${JSON.stringify(origin)} + url, init);
};
let logged = '';
for (const level of ['log', 'info', 'warn', 'error', 'debug']) console[level] = (...items) => { logged += items.map(String).join(' '); };
const { setKeyPrompt } = await import(${JSON.stringify(assets('api-key.js'))});
const { connectEvents, getState } = await import(${JSON.stringify(assets('api.js'))});
let asks = 0;
setKeyPrompt(async () => { asks += 1; return ${JSON.stringify(answer)}; });
let stateLoaded = false, refused = null, hello = false;
try {
  await Promise.all([getState(), getState()]);
  await getState();
  stateLoaded = true;
  await new Promise((resolve) => {
    const stream = connectEvents({ hello: () => { hello = true; stream.close(); resolve(); } }, (status) => { if (status === 'closed') resolve(); });
    setTimeout(resolve, 3000).unref();
  });
} catch (error) {
  refused = error.status;
}
process.stdout.write(JSON.stringify({ asks, stateLoaded, refused, hello, urls, authorizations, stored: sessionStorage.getItem('local-swarm.api-key'), logged }));
`;
  const { stdout } = await promisify(execFile)(process.execPath, ['--no-warnings', '--input-type=module', '-e', script], { encoding: 'utf8' });
  return JSON.parse(stdout) as PageRun;
}

describe('the dashboard page and a node with an API key', () => {
  let node: SurfaceTestApp;
  let origin: string;

  beforeAll(async () => {
    node = await createSurfaceTestApp({ apiKey: new ApiKey(KEY) });
    await node.app.listen({ port: 0, host: '127.0.0.1' });
    origin = `http://127.0.0.1:${(node.app.getHttpServer().address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await node.app.close();
  });

  it('asks once, keeps the key for the tab and sends it on every call and on the event stream', async () => {
    const run = await runPage(origin, KEY);
    expect(run).toMatchObject({ asks: 1, stateLoaded: true, refused: null, hello: true, stored: KEY });
    // The two first calls went out without a key and were refused; every call after carries it.
    expect(run.authorizations.slice(0, 2)).toEqual([null, null]);
    expect(run.authorizations.slice(2)).toEqual(Array(run.urls.length - 2).fill(`Bearer ${KEY}`));
    expect(run.urls).toContain('/v1/dashboard/events');
    expect(run.urls.join(' ')).not.toContain(KEY);
    expect(run.logged).not.toContain(KEY);
  }, 20_000);

  it('shows the refusal when the user declines to give the key, and asks only once', async () => {
    const run = await runPage(origin, null);
    expect(run).toMatchObject({ asks: 1, stateLoaded: false, refused: 401, stored: null });
  }, 20_000);
});
