/**
 * Where a client may connect: the address is checked when the connection is made (the agent's
 * lookup for host names, the base URL itself for IP literals), and a refused one is never
 * connected to. Real servers on 127.0.0.1 count the connections they get.
 */
import type { LookupAddress } from 'node:dns';
import { FederationErrorCode, type ClientResult } from '../errors/federation-error';
import { sendJson, startTestServer, type TestServer } from '../testing/test-server';
import { peerHealthWire } from '../testing/wire-fixtures';
import { FederationClient } from './federation-client';
import type { HostResolver } from './guarded-lookup';
import { OpenAiPeerClient } from './openai-peer-client';

interface CountingServer extends TestServer {
  /** TCP connections accepted so far. */
  connections(): number;
}

const servers: TestServer[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

/** A healthy peer that closes every connection after its reply, so each call connects anew. */
async function healthyPeer(): Promise<CountingServer> {
  const server = await startTestServer((_request, response) => {
    response.setHeader('connection', 'close');
    sendJson(response, 200, peerHealthWire('node-peer'));
  });
  servers.push(server);
  let connections = 0;
  server.server.on('connection', () => (connections += 1));
  return { ...server, connections: () => connections };
}

/** Resolves every name to the given addresses, one list per call (the last one repeats); counts calls. */
function scriptedResolver(...answers: (readonly string[])[]): HostResolver & { calls: string[] } {
  const calls: string[] = [];
  const resolve = (hostname: string): Promise<readonly LookupAddress[]> => {
    calls.push(hostname);
    const answer = answers[Math.min(calls.length - 1, answers.length - 1)] ?? [];
    return Promise.resolve(answer.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })));
  };
  return Object.assign(resolve, { calls });
}

function expectForbidden<T>(result: ClientResult<T>, address: string): void {
  if (result.ok) throw new Error('expected FEDERATION_ERR_FORBIDDEN_ADDRESS, got a value');
  expect(result.error).toMatchObject({ code: FederationErrorCode.FORBIDDEN_ADDRESS, address });
}

describe('peer address check at connect time', () => {
  it('never connects to a loopback listener when loopback is not allowed (IP literal)', async () => {
    const peer = await healthyPeer();
    expectForbidden(await new FederationClient({ baseUrl: peer.url }).health(), '127.0.0.1');
    expect(peer.connections()).toBe(0);

    // The same listener is reachable once loopback is allowed: the refusal above is the policy, not the port.
    const allowed = await new FederationClient({ baseUrl: peer.url, allowLoopback: true }).health();
    expect(allowed.ok).toBe(true);
    expect(peer.connections()).toBe(1);
  });

  it('never connects to a loopback listener named by a host name when loopback is not allowed', async () => {
    const peer = await healthyPeer();
    const resolveHost = scriptedResolver(['127.0.0.1']);
    const client = new FederationClient({ baseUrl: `http://peer.test:${peer.port}`, resolveHost });
    expectForbidden(await client.health(), 'peer.test');
    expect(resolveHost.calls).toEqual(['peer.test']);
    expect(peer.connections()).toBe(0);
  });

  it('refuses a host name that resolves to a cloud metadata endpoint, loopback allowed or not', async () => {
    const resolveHost = scriptedResolver(['169.254.169.254']);
    const client = new FederationClient({ baseUrl: 'http://metadata.test', allowLoopback: true, resolveHost });
    const result = await client.health({ timeoutMs: 5000 });
    expectForbidden(result, 'metadata.test');
    if (!result.ok) expect(result.error.message).toContain('cloud metadata');
  });

  it('resolves at every connection: a name that rebinds to a forbidden address after a good first answer is refused', async () => {
    const peer = await healthyPeer();
    const resolveHost = scriptedResolver(['127.0.0.1'], ['169.254.169.254']);
    const client = new FederationClient({ baseUrl: `http://rebind.test:${peer.port}`, allowLoopback: true, resolveHost });
    expect((await client.health()).ok).toBe(true);
    expectForbidden(await client.health(), 'rebind.test');
    expect(resolveHost.calls).toEqual(['rebind.test', 'rebind.test']);
    expect(peer.connections()).toBe(1);
  });

  it('connects only to the allowed addresses of a name that resolves to several', async () => {
    const peer = await healthyPeer();
    const resolveHost = scriptedResolver(['169.254.169.254', '127.0.0.1']);
    const client = new FederationClient({ baseUrl: `http://mixed.test:${peer.port}`, allowLoopback: true, resolveHost });
    expect((await client.health({ timeoutMs: 5000 })).ok).toBe(true);
    expect(peer.connections()).toBe(1);
  });

  it.each([
    ['http://169.254.169.254', '169.254.169.254'],
    ['http://169.254.170.2', '169.254.170.2'],
    ['http://[fd00:ec2::254]', 'fd00:ec2::254'],
    ['http://100.100.100.200', '100.100.100.200'],
    ['http://[::ffff:169.254.169.254]:80', '::ffff:a9fe:a9fe'],
    ['http://8.8.8.8:17615', '8.8.8.8'],
    ['http://0.0.0.0:17615', '0.0.0.0'],
    ['http://[::1]:17615', '::1'],
  ])('refuses the IP literal of %s without resolving or connecting', async (baseUrl, address) => {
    const resolveHost = scriptedResolver(['10.0.0.1']);
    expectForbidden(await new FederationClient({ baseUrl, resolveHost }).health({ timeoutMs: 5000 }), address);
    expect(resolveHost.calls).toEqual([]);
  });

  it('applies to OpenAI-compatible servers too (health and completions)', async () => {
    const peer = await healthyPeer();
    const client = new OpenAiPeerClient({ baseUrl: `${peer.url}/v1` });
    expectForbidden(await client.health(), '127.0.0.1');
    const completion = await client.complete(
      { model: 'm', prompt: { kind: 'text', text: 'hi' }, maxTokens: 4 },
      { deadlineMs: 5000 },
    );
    expectForbidden(completion, '127.0.0.1');
    expect(peer.connections()).toBe(0);
  });
});
