import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSwarmNode, type StartedNode } from './support/swarm-node-process';

/**
 * A real node on 127.0.0.1 with an OpenAI-compatible peer over https (`--peer openai+https://…`),
 * its API key in `federation.openaiPeerKeyFiles` and its certificate trusted through
 * NODE_EXTRA_CA_CERTS. Loopback only: --no-discovery, so no mDNS is started. A second, plain http
 * server on the same host gets no key: keys are matched by the exact base URL.
 */
const KEY = `sk-e2e-${randomBytes(24).toString('base64url')}`;
const HTTPS_MARKER = 'answer from the https peer';
const PLAIN_MARKER = 'answer from the plain http peer';

interface PeerRow {
  node_id: string;
  status: string;
  source: string;
  reason: string | null;
}
interface ChatReply {
  consensus: { candidates: { source: string; text: string }[] };
}

/** An OpenAI-compatible fake: refuses a wrong key when `key` is set; answers `marker` `n` times. */
function fakeOpenAi(marker: string, key: string | null, seenAuthorizations: (string | undefined)[]): RequestListener {
  return (request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      seenAuthorizations.push(request.headers.authorization);
      const reply = (status: number, body: unknown): void => {
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(body));
      };
      if (key !== null && request.headers.authorization !== `Bearer ${key}`) {
        reply(401, { error: { message: 'Incorrect API key provided', type: 'invalid_request_error', code: 'invalid_api_key' } });
      } else if (request.url === '/v1/models') {
        reply(200, { object: 'list', data: [{ id: 'fake-model' }] });
      } else if (request.url === '/v1/chat/completions') {
        const { n } = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as { n?: number };
        const choices = Array.from({ length: n ?? 1 }, (_unused, index) => ({ index, message: { role: 'assistant', content: marker }, finish_reason: 'stop' }));
        reply(200, { object: 'chat.completion', model: 'fake-model', choices });
      } else {
        reply(404, { error: { message: 'not found', type: 'invalid_request_error', code: null } });
      }
    });
  };
}

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

/** A self-signed certificate for 127.0.0.1 made with the openssl CLI: its paths in `dir`. */
function selfSignedCertificate(dir: string, name: string): { readonly certPath: string; readonly keyPath: string } {
  const certPath = join(dir, `${name}.pem`);
  const keyPath = join(dir, `${name}.key`);
  try {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2', '-keyout', keyPath, '-out', certPath, '-subj', `/CN=${name}`, '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (error: unknown) {
    throw new Error(`this spec needs the openssl CLI to make its test certificates: ${error instanceof Error ? error.message : String(error)}`);
  }
  return { certPath, keyPath };
}

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

let dir: string;
let node: StartedNode | undefined;
const servers: Server[] = [];
const httpsAuthorizations: (string | undefined)[] = [];
const plainAuthorizations: (string | undefined)[] = [];
let httpsPeerId: string;
let untrustedPeerId: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'local-swarm-https-peer-'));
  // The node trusts `trusted` as its own CA; `stranger` is signed by nobody it trusts.
  const trusted = selfSignedCertificate(dir, 'fake-openai-peer');
  const stranger = selfSignedCertificate(dir, 'stranger');
  const tlsOf = ({ certPath, keyPath }: { certPath: string; keyPath: string }) => ({ key: readFileSync(keyPath), cert: readFileSync(certPath) });
  const httpsServer = createHttpsServer(tlsOf(trusted), fakeOpenAi(HTTPS_MARKER, KEY, httpsAuthorizations));
  const untrustedServer = createHttpsServer(tlsOf(stranger), fakeOpenAi(HTTPS_MARKER, null, []));
  const plainServer = createHttpServer(fakeOpenAi(PLAIN_MARKER, null, plainAuthorizations));
  servers.push(httpsServer, untrustedServer, plainServer);
  const httpsPeer = `openai+https://127.0.0.1:${await listen(httpsServer)}/v1`;
  const untrustedPeer = `openai+https://127.0.0.1:${await listen(untrustedServer)}/v1`;
  const plainPeer = `openai+http://127.0.0.1:${await listen(plainServer)}/v1`;
  httpsPeerId = `openai:${httpsPeer.slice('openai+'.length)}`;
  untrustedPeerId = `openai:${untrustedPeer.slice('openai+'.length)}`;

  const keyFile = join(dir, 'peer-api-key');
  writeFileSync(keyFile, `${KEY}\n`, { mode: 0o600 });
  const configFile = join(dir, 'config.json');
  writeFileSync(configFile, JSON.stringify({ federation: { openaiPeerKeyFiles: { [httpsPeer]: keyFile } } }));
  // startSwarmNode hands this process's environment to the node.
  process.env['NODE_EXTRA_CA_CERTS'] = trusted.certPath;
  node = await startSwarmNode([
    '--instances', '1', '--context-size', '512', '--config', configFile,
    '--federation', '--federation-open', '--no-discovery', '--allow-loopback-peers',
    '--peer', httpsPeer, '--peer', untrustedPeer, '--peer', plainPeer,
  ]);
});

afterAll(async () => {
  delete process.env['NODE_EXTRA_CA_CERTS'];
  await node?.stop();
  for (const server of servers) {
    server.closeAllConnections();
    server.close();
  }
  rmSync(dir, { recursive: true, force: true });
});

const peers = async (): Promise<PeerRow[]> => (await fetch(`${node?.url}/v1/federation/peers`)).json() as Promise<PeerRow[]>;

describe('an OpenAI-compatible peer over https with an API key', () => {
  it('is listed healthy, votes in a chat with its own answer, and gets the key while the http peer does not', async () => {
    await waitFor('the https peer healthy', async () => (await peers()).some((peer) => peer.node_id === httpsPeerId && peer.status === 'healthy'), 20_000);
    const response = await fetch(`${node?.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'any', messages: [{ role: 'user', content: 'Say yes.' }], max_tokens: 4 }),
    });
    expect(response.status).toBe(200);
    const reply = (await response.json()) as ChatReply;
    expect(reply.consensus.candidates).toContainEqual(expect.objectContaining({ source: httpsPeerId, text: HTTPS_MARKER }));
    expect(httpsAuthorizations.length).toBeGreaterThan(0);
    expect(new Set(httpsAuthorizations)).toEqual(new Set([`Bearer ${KEY}`]));
    expect(plainAuthorizations.length).toBeGreaterThan(0);
    expect(plainAuthorizations.every((authorization) => authorization === undefined)).toBe(true);
  });

  it('lists a server whose certificate it does not trust unhealthy, naming the TLS reason', async () => {
    await waitFor('the untrusted peer unhealthy', async () => (await peers()).some((peer) => peer.node_id === untrustedPeerId && peer.status === 'unhealthy'), 20_000);
    const row = (await peers()).find((peer) => peer.node_id === untrustedPeerId);
    expect(row?.reason).toMatch(/TLS failed \(DEPTH_ZERO_SELF_SIGNED_CERT\)/);
  });

  it('shows the key nowhere: not in the node output, the peer list or /metrics', async () => {
    const listed = JSON.stringify(await peers());
    expect(listed).toContain(httpsPeerId);
    expect(listed).not.toContain(KEY);
    expect(await (await fetch(`${node?.url}/metrics`)).text()).not.toContain(KEY);
    expect(node?.output()).not.toContain(KEY);
  });
});
