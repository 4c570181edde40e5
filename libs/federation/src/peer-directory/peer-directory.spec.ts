/**
 * PeerDirectory with a real registry and health monitor against peers on 127.0.0.1:0 (manual
 * peers only: no mDNS here). Health rounds are 60 s apart, so only the checks the directory
 * runs itself (start, addManual) happen during a test.
 */
import {
  asPeerId,
  FederationErrorCode,
  openAiPeerId,
  silentFederationLogger,
  type FederationClientError,
  type FederationLogger,
} from '@local-swarm/federation-protocol';
import { closedPort, sendJson, startHealthyPeer, startOpenAiServer, startTestHttpServer, waitFor, type TestHttpServer } from '../testing';
import { recordingCall } from '../testing/source-call-fixtures';
import { OpenAiPeerSource } from '../sources/openai-peer-source';
import { PeerCandidateSource } from '../sources/peer-candidate-source';
import type { PeerChange } from './peer-change';
import { PeerDirectory, type PeerDirectorySettings, type VoteFailure } from './peer-directory';

const TEST_NODE_ID = 'node-self';
const REFUSED: FederationClientError = { code: FederationErrorCode.REFUSED, message: 'connect ECONNREFUSED', cause: 'ECONNREFUSED' };
// Test peers listen on 127.0.0.1: loopback is allowed explicitly (a node refuses loopback peers by default).
const SETTINGS: PeerDirectorySettings = { peers: [], unhealthyAfterFailures: 2, healthIntervalMs: 60_000, voteTimeoutMs: 5000, allowLoopbackPeers: true };

const servers: TestHttpServer[] = [];
const directories: PeerDirectory[] = [];
let voteFailures: VoteFailure[] = [];

beforeEach(() => {
  voteFailures = [];
});

async function track(server: Promise<TestHttpServer>): Promise<TestHttpServer> {
  const started = await server;
  servers.push(started);
  return started;
}

function directory(settings: Partial<PeerDirectorySettings> = {}, logger: FederationLogger = silentFederationLogger): PeerDirectory {
  const created = new PeerDirectory({
    nodeId: TEST_NODE_ID,
    settings: { ...SETTINGS, ...settings },
    logger,
    onVoteFailed: (failure) => voteFailures.push(failure),
  });
  directories.push(created);
  return created;
}

/** A discovered peer as mDNS reports it (nothing listens at its address). */
function announced(nodeId: string, address = '10.0.0.2'): Parameters<PeerDirectory['seen']>[0] {
  return { nodeId, name: nodeId, address, port: 1, modelId: null, instances: null, lastSeen: 0 };
}

afterEach(async () => {
  await Promise.all(directories.splice(0).map((created) => created.stop()));
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

describe('PeerDirectory', () => {
  it('starts empty', () => {
    const peers = directory();
    expect(peers.list()).toEqual([]);
    expect(peers.counts()).toEqual({ total: 0, healthy: 0, unhealthy: 0, expired: 0 });
    expect(peers.healthySources()).toEqual([]);
  });

  describe('start', () => {
    it('adds the configured peers and checks them at once', async () => {
      const peer = await track(startHealthyPeer('peer-a'));
      const peers = directory({ peers: [`127.0.0.1:${peer.port}`] });
      expect(peers.start()).toEqual({ ok: true });
      await waitFor(() => peers.counts().healthy === 1);
      expect(peers.list()).toEqual([
        expect.objectContaining({ node_id: 'peer-a', address: '127.0.0.1', port: peer.port, source: 'manual', status: 'healthy', model_id: 'peer-model', instances: 3 }),
      ]);
    });

    it('refuses a configured address that does not parse', () => {
      const peers = directory({ peers: ['not an address'] });
      const started = peers.start();
      expect(started.ok).toBe(false);
      if (started.ok) return;
      expect(started.message).toMatch(/^--peer not an address: /);
    });

    it('stops its health checks on shutdown', async () => {
      const peer = await track(startHealthyPeer('peer-a'));
      const peers = directory({ peers: [`127.0.0.1:${peer.port}`], healthIntervalMs: 200 });
      peers.start();
      await waitFor(() => peers.counts().healthy === 1);
      await peers.stop();
      const seen = peer.requests.length;
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(peer.requests.length).toBe(seen);
    });
  });

  describe('addManual', () => {
    it('adds a peer that answers health checks, under the node id it gives', async () => {
      const peer = await track(startHealthyPeer('peer-a'));
      const peers = directory();
      const added = await peers.addManual(`127.0.0.1:${peer.port}`);
      expect(added).toEqual({
        ok: true,
        peer: expect.objectContaining({ node_id: 'peer-a', name: `127.0.0.1:${peer.port}`, source: 'manual', status: 'healthy', failures: 0 }),
      });
      expect(peers.list().map((listed) => listed.node_id)).toEqual(['peer-a']);
      expect(peers.counts()).toEqual({ total: 1, healthy: 1, unhealthy: 0, expired: 0 });
      expect(peer.requests.map((request) => `${request.method} ${request.url}`)).toContain('GET /v1/federation/health');
    });

    it('adds an OpenAI-compatible server that lists its models', async () => {
      const server = await track(startOpenAiServer());
      const peers = directory();
      const added = await peers.addManual(`openai+${server.url}/v1`);
      expect(added).toEqual({
        ok: true,
        peer: expect.objectContaining({ node_id: openAiPeerId(`${server.url}/v1`), source: 'openai', status: 'healthy', model_id: 'llama-3-8b', instances: null }),
      });
    });

    it("sends an OpenAI-compatible server its API key, only to that server, and never lists it", async () => {
      const KEY = 'sk-test-0123456789abcdef0123456789abcdef';
      const locked = await track(
        startTestHttpServer((_request, response, raw) => {
          if (raw.headers.authorization !== `Bearer ${KEY}`) sendJson(response, 401, { error: { message: 'no key', type: 'invalid_request_error', param: null, code: 'invalid_api_key' } });
          else sendJson(response, 200, { object: 'list', data: [{ id: 'locked-model', object: 'model' }] });
        }),
      );
      const seenByOther: (string | undefined)[] = [];
      const other = await track(
        startTestHttpServer((_request, response, raw) => {
          seenByOther.push(raw.headers.authorization);
          sendJson(response, 200, { object: 'list', data: [{ id: 'open-model', object: 'model' }] });
        }),
      );
      const baseUrl = `${locked.url}/v1`;
      const peers = new PeerDirectory({
        nodeId: TEST_NODE_ID,
        settings: SETTINGS,
        logger: silentFederationLogger,
        onVoteFailed: () => undefined,
        openAiKeys: new Map([[baseUrl, KEY]]),
      });
      directories.push(peers);
      expect(await peers.addManual(`openai+${baseUrl}`)).toMatchObject({ ok: true, peer: { status: 'healthy', model_id: 'locked-model' } });
      expect(JSON.stringify(peers.list())).not.toContain(KEY);
      expect(await peers.addManual(`openai+${other.url}/v1`)).toMatchObject({ ok: true });
      expect(seenByOther.length).toBeGreaterThan(0);
      expect(seenByOther.every((authorization) => authorization === undefined)).toBe(true);
      // Without the key, the locked server refuses the health check: not added.
      const keyless = directory();
      expect(await keyless.addManual(`openai+${baseUrl}`)).toMatchObject({ ok: false });
    });

    it('refuses an address that does not parse', async () => {
      const peers = directory();
      const added = await peers.addManual('http://10.0.0.1:17615');
      expect(added).toEqual({ ok: false, error: expect.objectContaining({ code: FederationErrorCode.INVALID_ADDRESS }) });
      expect(peers.list()).toEqual([]);
    });

    it('refuses and forgets a peer nobody answers at', async () => {
      const port = await closedPort();
      const peers = directory();
      const added = await peers.addManual(`127.0.0.1:${port}`);
      expect(added.ok).toBe(false);
      if (added.ok) return;
      expect(added.error.code).toBe(FederationErrorCode.REFUSED);
      expect(added.error.message).toContain(`127.0.0.1:${port} does not answer as a peer`);
      expect(peers.list()).toEqual([]);
    });

    it('refuses and forgets a server that is not a Local Swarm node', async () => {
      const server = await track(startTestHttpServer((_request, response) => sendJson(response, 200, { hello: 'world' })));
      const peers = directory();
      const added = await peers.addManual(`127.0.0.1:${server.port}`);
      expect(added).toEqual({ ok: false, error: expect.objectContaining({ code: FederationErrorCode.BAD_REPLY }) });
      expect(peers.list()).toEqual([]);
    });

    it.each([400, 429])('refuses and forgets a server whose health check answers %i (not counted against it, but no peer)', async (status) => {
      const server = await track(startTestHttpServer((_request, response) => sendJson(response, status, { error: { message: 'no', type: 'x', param: null, code: null } })));
      const peers = directory();
      const added = await peers.addManual(`127.0.0.1:${server.port}`);
      expect(added.ok).toBe(false);
      expect(peers.list()).toEqual([]);
    });

    it('does not add the same address twice', async () => {
      const peer = await track(startHealthyPeer('peer-a'));
      const peers = directory();
      await peers.addManual(`127.0.0.1:${peer.port}`);
      const again = await peers.addManual(`127.0.0.1:${peer.port}`);
      expect(again).toEqual({ ok: true, peer: expect.objectContaining({ node_id: 'peer-a', status: 'healthy' }) });
      expect(peers.list()).toHaveLength(1);
    });
  });

  describe('healthySources', () => {
    it('gives one reused source per healthy peer, of the kind its source needs', async () => {
      const node = await track(startHealthyPeer('peer-a'));
      const openAi = await track(startOpenAiServer());
      const peers = directory();
      await peers.addManual(`127.0.0.1:${node.port}`);
      await peers.addManual(`openai+${openAi.url}/v1`);
      const sources = peers.healthySources();
      expect(sources.map((participant) => participant.nodeId).sort()).toEqual(['peer-a', openAiPeerId(`${openAi.url}/v1`)].sort());
      const federation = sources.find((participant) => participant.nodeId === 'peer-a');
      const server = sources.find((participant) => participant.nodeId !== 'peer-a');
      expect(federation?.source).toBeInstanceOf(PeerCandidateSource);
      expect(federation?.source.id).toBe('peer-a');
      expect(federation?.load).toEqual({ busyInstances: 0, capacity: 3, queuedRequests: 0, maxQueue: 8 });
      expect(federation?.inFlight()).toBe(0);
      expect(server?.source).toBeInstanceOf(OpenAiPeerSource);
      expect(server?.load).toBeNull();
      const again = peers.healthySources();
      expect(again.find((participant) => participant.nodeId === 'peer-a')?.source).toBe(federation?.source);
    });

    it('leaves out a peer whose votes failed unhealthyAfterFailures times in a row', async () => {
      const peer = await track(startHealthyPeer('peer-a'));
      const peers = directory({ unhealthyAfterFailures: 2 });
      await peers.addManual(`127.0.0.1:${peer.port}`);
      peers.onPeerFailure('peer-a', REFUSED);
      expect(peers.healthySources()).toHaveLength(1);
      peers.onPeerFailure('peer-a', REFUSED);
      expect(peers.healthySources()).toEqual([]);
      expect(peers.counts()).toEqual({ total: 1, healthy: 0, unhealthy: 1, expired: 0 });
      expect(peers.list()[0]).toMatchObject({ status: 'unhealthy', failures: 2 });
    });

    it('makes a new source after a peer was removed and added again', async () => {
      const peer = await track(startHealthyPeer('peer-a'));
      const peers = directory();
      await peers.addManual(`127.0.0.1:${peer.port}`);
      const before = peers.healthySources()[0]?.source;
      expect(peers.remove('peer-a')).toBe(true);
      expect(peers.remove('peer-a')).toBe(false);
      await peers.addManual(`127.0.0.1:${peer.port}`);
      const after = peers.healthySources()[0]?.source;
      expect(after).toBeDefined();
      expect(after).not.toBe(before);
    });
  });

  describe('peer address policy (loopback not allowed, the default)', () => {
    it('refuses a manual loopback peer without a single request reaching it', async () => {
      const peer = await track(startHealthyPeer('peer-a'));
      const peers = directory({ allowLoopbackPeers: false });
      const changes: PeerChange[] = [];
      peers.subscribe((change) => changes.push(change));
      const added = await peers.addManual(`127.0.0.1:${peer.port}`);
      expect(added).toMatchObject({ ok: false, error: { code: FederationErrorCode.FORBIDDEN_ADDRESS } });
      expect(peer.requests).toEqual([]);
      expect(peers.list()).toEqual([]);
      // Refused before it is listed: nobody saw it join and leave.
      expect(changes).toEqual([]);
    });

    it('refuses a configured peer at a cloud metadata endpoint at start', () => {
      const started = directory({ peers: ['169.254.169.254:80'] }).start();
      expect(started).toEqual({ ok: false, message: '--peer 169.254.169.254:80: 169.254.169.254 is a cloud metadata endpoint, never a peer' });
    });

    it('still reaches a host name, checked at connect time', async () => {
      const peer = await track(startHealthyPeer('peer-a'));
      const peers = directory({ allowLoopbackPeers: true });
      expect(await peers.addManual(`localhost:${peer.port}`)).toMatchObject({ ok: true, peer: { node_id: 'peer-a' } });
    });

    it('sends no vote to a loopback peer, even one whose health checks pass', async () => {
      const peer = await track(startHealthyPeer('peer-a'));
      const peers = new PeerDirectory({
        nodeId: TEST_NODE_ID,
        settings: { ...SETTINGS, allowLoopbackPeers: false },
        logger: silentFederationLogger,
        onVoteFailed: (failure) => voteFailures.push(failure),
        healthCheckerFor: () => ({ health: () => Promise.resolve({ ok: true, value: { nodeId: asPeerId('peer-a'), modelId: null, instances: 1, load: null, rttMs: 1 } }) }),
      });
      directories.push(peers);
      // A host name gets past the listing check; its connections are where it is refused.
      await peers.addManual(`localhost:${peer.port}`);
      const [participant] = peers.healthySources();
      if (participant === undefined) throw new Error('expected the peer to be healthy');
      const prompt = { kind: 'chat' as const, messages: [{ role: 'user' as const, content: 'hi' }] };
      await participant.source.generate({ prompt, maxTokens: 8, candidates: 1 }, recordingCall(0));
      expect(voteFailures).toEqual([{ nodeId: 'peer-a', code: FederationErrorCode.FORBIDDEN_ADDRESS }]);
      expect(peer.requests).toEqual([]);
    });
  });

  it('reports each failed vote to onVoteFailed', async () => {
    const peer = await track(startHealthyPeer('peer-a'));
    const peers = directory();
    await peers.addManual(`127.0.0.1:${peer.port}`);
    peers.onPeerFailure('peer-a', REFUSED);
    peers.onPeerFailure('peer-a', { code: FederationErrorCode.TIMEOUT, message: 'slow', timeoutMs: 100 });
    expect(voteFailures).toEqual([
      { nodeId: 'peer-a', code: FederationErrorCode.REFUSED },
      { nodeId: 'peer-a', code: FederationErrorCode.TIMEOUT },
    ]);
  });

  it('ignores vote failures of unknown peers and successes', async () => {
    const peers = directory();
    expect(() => peers.onPeerFailure('nobody', REFUSED)).not.toThrow();
    expect(() => peers.onPeerSuccess()).not.toThrow();
    expect(peers.list()).toEqual([]);
  });

  it('counts peers by status, expired discovered peers included', () => {
    const peers = directory();
    peers.seen(announced('peer-b', '10.0.0.2'));
    peers.seen(announced('peer-c', '10.0.0.3'));
    peers.expired('peer-c');
    peers.seen(announced(TEST_NODE_ID, '10.0.0.1'));
    expect(peers.counts()).toEqual({ total: 2, healthy: 0, unhealthy: 1, expired: 1 });
  });

  describe('addManual, when the first check drops or fails a known peer', () => {
    // The first health check may drop the new entry (it is this node, or another address of a
    // known peer): that is a refusal, never a 201 with a peer that is no longer listed.
    it('refuses the address of this node itself instead of returning a peer it dropped', async () => {
      const self = await track(startHealthyPeer(TEST_NODE_ID));
      const peers = directory();
      const added = await peers.addManual(`127.0.0.1:${self.port}`);
      expect(peers.list()).toEqual([]);
      expect(added.ok).toBe(false);
    });

    it('refuses (or returns the known node for) a second address of a registered node', async () => {
      const peer = await track(startHealthyPeer('peer-a'));
      const peers = directory();
      await peers.addManual(`127.0.0.1:${peer.port}`);
      const second = await peers.addManual(`localhost:${peer.port}`);
      expect(peers.list().map((listed) => listed.node_id)).toEqual(['peer-a']);
      // Whatever it answers, a peer it returns must be one it lists.
      if (second.ok) expect(second.peer.node_id).toBe('peer-a');
    });

    // An address already registered is not checked again: a --peer that is down for a moment
    // must not be deleted for good by adding it again (manual peers never come back by themselves).
    it('keeps a known peer that is down for a moment when its address is added again', async () => {
      const peer = await track(startHealthyPeer('peer-a'));
      const peers = directory({ unhealthyAfterFailures: 1 });
      await peers.addManual(`127.0.0.1:${peer.port}`);
      peers.onPeerFailure('peer-a', REFUSED);
      expect(peers.list()[0]?.status).toBe('unhealthy');
      await peers.addManual(`127.0.0.1:${peer.port}`);
      expect(peers.list().map((listed) => listed.node_id)).toEqual(['peer-a']);
    });
  });
});

describe('PeerDirectory fed by mDNS', () => {
  it('lists a peer it has seen, unhealthy until its first health check, and refreshes it', () => {
    const peers = directory();
    peers.seen(announced('peer-b'));
    peers.seen({ ...announced('peer-b', '10.0.0.9'), instances: 5 });
    expect(peers.list()).toEqual([expect.objectContaining({ node_id: 'peer-b', address: '10.0.0.9', source: 'mdns', status: 'unhealthy', instances: 5 })]);
  });

  it('forgets a peer that left (goodbye), keeps one that expired as expired', () => {
    const peers = directory();
    peers.seen(announced('peer-b'));
    peers.seen(announced('peer-c'));
    peers.left('peer-b');
    peers.expired('peer-c');
    expect(peers.list()).toEqual([expect.objectContaining({ node_id: 'peer-c', status: 'expired' })]);
    peers.seen(announced('peer-c'));
    expect(peers.list()).toEqual([expect.objectContaining({ node_id: 'peer-c', status: 'unhealthy' })]);
  });

  it('neither forgets nor expires a peer the user added by hand', async () => {
    const peer = await track(startHealthyPeer('peer-a'));
    const peers = directory();
    await peers.addManual(`127.0.0.1:${peer.port}`);
    peers.seen(announced('peer-a'));
    peers.expired('peer-a');
    peers.left('peer-a');
    expect(peers.list()).toEqual([expect.objectContaining({ node_id: 'peer-a', source: 'manual', status: 'healthy' })]);
  });

  it('ignores departures of peers it does not know', () => {
    const peers = directory();
    expect(() => peers.left('nobody')).not.toThrow();
    expect(() => peers.expired('nobody')).not.toThrow();
  });

  it('tells subscribers of every change until they unsubscribe', () => {
    const peers = directory();
    const changes: PeerChange[] = [];
    const unsubscribe = peers.subscribe((change) => changes.push(change));
    peers.seen(announced('peer-b'));
    peers.expired('peer-b');
    peers.remove('peer-b');
    unsubscribe();
    peers.seen(announced('peer-c'));
    expect(changes).toEqual([
      { kind: 'added', node_id: 'peer-b', name: 'peer-b' },
      { kind: 'changed', node_id: 'peer-b', name: 'peer-b', from: 'unhealthy', to: 'expired', reason: 'no longer announced over mDNS' },
      { kind: 'removed', node_id: 'peer-b', name: 'peer-b', reason: 'removed' },
    ]);
  });

  it('logs joins, departures and status changes with the peer', () => {
    const lines: { level: string; message: string; fields: Readonly<Record<string, unknown>> | undefined }[] = [];
    const record = (level: string) => (message: string, fields?: Readonly<Record<string, unknown>>) => lines.push({ level, message, fields });
    const peers = directory({}, { debug: record('debug'), info: record('info'), warn: record('warn'), error: record('error') });
    peers.seen(announced('peer-b'));
    peers.expired('peer-b');
    peers.seen(announced('peer-b'));
    peers.left('peer-b');
    const peer = { nodeId: 'peer-b', name: 'peer-b', address: '10.0.0.2:1', source: 'mdns' };
    expect(lines).toEqual([
      { level: 'info', message: 'peer joined', fields: { ...peer, status: 'unhealthy' } },
      { level: 'warn', message: 'peer expired', fields: { ...peer, status: 'expired', from: 'unhealthy', to: 'expired', reason: 'no longer announced over mDNS' } },
      { level: 'warn', message: 'peer unhealthy', fields: { ...peer, status: 'unhealthy', from: 'expired', to: 'unhealthy', reason: 'announced again over mDNS' } },
      { level: 'info', message: 'peer left', fields: { ...peer, status: 'unhealthy', reason: 'removed' } },
    ]);
  });
});
