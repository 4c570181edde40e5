/**
 * An OpenAI-compatible peer over https (`openai+https://…`): a real node:https server on
 * 127.0.0.1 with certificates made for this file. The certificate is always verified (chain and
 * host name), a failure is a clear TLS error, and every bound of the http client holds over TLS.
 */
import { createServer, type Server, type ServerOptions } from 'node:https';
import type { RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FederationErrorCode, type ClientResult } from '../errors/federation-error';
import { sendJson } from '../testing/test-server';
import { createTestCertificateAuthority, type TestCertificateAuthority } from '../testing/test-certificates';
import { OpenAiPeerClient, type OpenAiPeerClientOptions } from './openai-peer-client';

const KEY = 'sk-https-peer-key_0123456789abcdefghij';

interface HttpsTestServer {
  readonly port: number;
  close(): Promise<void>;
}

async function serveHttps(certificate: ServerOptions, handler: RequestListener): Promise<HttpsTestServer> {
  const server: Server = createServer(certificate, handler);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

const models = { object: 'list', data: [{ id: 'tls-model' }] };
const chat = { model: 'tls-model', maxTokens: 4, prompt: { kind: 'chat' as const, messages: [{ role: 'user' as const, content: 'hi' }] } };

function failure<T>(result: ClientResult<T>): { code: string; message: string; cause?: string | null } {
  if (result.ok) throw new Error('expected the call to fail');
  return result.error;
}

describe('OpenAiPeerClient over https', () => {
  let authority: TestCertificateAuthority;
  const servers: HttpsTestServer[] = [];
  const authorizations: (string | undefined)[] = [];
  const serverNames: (string | false | undefined)[] = [];

  beforeAll(() => {
    authority = createTestCertificateAuthority();
  });

  afterAll(() => authority?.dispose());

  beforeEach(() => {
    authorizations.splice(0);
    serverNames.splice(0);
  });

  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => server.close()));
  });

  async function server(certificate: ServerOptions, handler?: RequestListener): Promise<HttpsTestServer> {
    const started = await serveHttps(
      certificate,
      handler ??
        ((request, response) => {
          authorizations.push(request.headers.authorization);
          serverNames.push((request.socket as { servername?: string | false }).servername);
          if (request.url === '/v1/models') sendJson(response, 200, models);
          else sendJson(response, 200, { choices: [{ index: 0, message: { role: 'assistant', content: 'over tls' }, finish_reason: 'stop' }] });
        }),
    );
    servers.push(started);
    return started;
  }

  const client = (port: number, options: Partial<OpenAiPeerClientOptions> = {}): OpenAiPeerClient =>
    new OpenAiPeerClient({ allowLoopback: true, baseUrl: `https://127.0.0.1:${port}/v1`, tls: { ca: authority.ca }, apiKey: KEY, ...options });

  it('asks a server whose certificate the CA signed, and sends the Bearer key over TLS', async () => {
    const { port } = await server(authority.issue('IP:127.0.0.1'));
    const peer = client(port);
    const health = await peer.health();
    expect(health.ok && health.value).toMatchObject({ nodeId: `openai:https://127.0.0.1:${port}/v1`, modelId: 'tls-model' });
    const completion = await peer.complete(chat, { deadlineMs: 3000 });
    expect(completion.ok && completion.value.choices[0]?.text).toBe('over tls');
    expect(authorizations).toEqual([`Bearer ${KEY}`, `Bearer ${KEY}`]);
  });

  it('checks a host name against the certificate and sends it as SNI, resolving it through the guarded lookup', async () => {
    const { port } = await server(authority.issue('DNS:gpu-box.test'));
    const peer = client(port, { baseUrl: `https://gpu-box.test:${port}/v1`, resolveHost: async () => [{ address: '127.0.0.1', family: 4 }] });
    expect((await peer.health()).ok).toBe(true);
    expect(serverNames).toEqual(['gpu-box.test']);
  });

  it('refuses a self-signed certificate the CA did not sign, with a TLS error that carries no key', async () => {
    const { port } = await server(authority.selfSigned('IP:127.0.0.1'));
    const health = await client(port).health();
    const error = failure(health);
    expect(error).toMatchObject({ code: FederationErrorCode.REFUSED, cause: 'DEPTH_ZERO_SELF_SIGNED_CERT' });
    expect(error.message).toMatch(/unreachable: TLS failed \(DEPTH_ZERO_SELF_SIGNED_CERT\)/);
    expect(JSON.stringify(health)).not.toContain(KEY);
    expect(authorizations).toEqual([]);
  });

  it('refuses a certificate of another host (hostname check)', async () => {
    const { port } = await server(authority.issue('DNS:other.test'));
    const error = failure(await client(port).health());
    expect(error).toMatchObject({ code: FederationErrorCode.REFUSED, cause: 'ERR_TLS_CERT_ALTNAME_INVALID' });
    expect(error.message).toMatch(/TLS failed/);
    expect(authorizations).toEqual([]);
  });

  it('trusts only Node’s default store without a CA option: a private CA is refused', async () => {
    const { port } = await server(authority.issue('IP:127.0.0.1'));
    const error = failure(await client(port, { tls: {} }).health());
    expect(error).toMatchObject({ code: FederationErrorCode.REFUSED, cause: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' });
  });

  it('stops reading an oversized reply at maxResponseBytes', async () => {
    const { port } = await server(authority.issue('IP:127.0.0.1'), (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(`{"object":"list","data":[],"pad":"${'x'.repeat(1024 * 1024)}"}`);
    });
    const error = failure(await client(port, { maxResponseBytes: 64 * 1024 }).health());
    expect(error).toMatchObject({ code: FederationErrorCode.TOO_LARGE });
  });

  it('does not follow a redirect', async () => {
    const { port } = await server(authority.issue('IP:127.0.0.1'), (request, response) => {
      authorizations.push(request.url);
      response.writeHead(302, { location: `https://127.0.0.1:${port}/elsewhere` });
      response.end();
    });
    expect(failure(await client(port).health())).toMatchObject({ code: FederationErrorCode.BAD_REPLY });
    expect(authorizations).toEqual(['/v1/models']);
  });

  it('times out a server that accepts TLS and never answers', async () => {
    const { port } = await server(authority.issue('IP:127.0.0.1'), () => undefined);
    expect(failure(await client(port).health({ timeoutMs: 300 }))).toMatchObject({ code: FederationErrorCode.TIMEOUT });
  });

  it('applies the address policy: loopback is refused unless allowed, for a literal and for a resolved name', async () => {
    const { port } = await server(authority.issue('IP:127.0.0.1'));
    expect(failure(await client(port, { allowLoopback: false }).health())).toMatchObject({ code: FederationErrorCode.FORBIDDEN_ADDRESS });
    const named = client(port, { allowLoopback: false, baseUrl: `https://gpu-box.test:${port}/v1`, resolveHost: async () => [{ address: '127.0.0.1', family: 4 }] });
    expect(failure(await named.health())).toMatchObject({ code: FederationErrorCode.FORBIDDEN_ADDRESS });
    expect(authorizations).toEqual([]);
  });

  it('ignores an HTTPS_PROXY from the environment', async () => {
    const { port } = await server(authority.issue('IP:127.0.0.1'));
    const previous = process.env['HTTPS_PROXY'];
    process.env['HTTPS_PROXY'] = 'http://127.0.0.1:9';
    try {
      expect((await client(port).health()).ok).toBe(true);
    } finally {
      if (previous === undefined) delete process.env['HTTPS_PROXY'];
      else process.env['HTTPS_PROXY'] = previous;
    }
  });
});
