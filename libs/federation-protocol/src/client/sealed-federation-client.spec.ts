/**
 * FederationClient with a swarm membership against real HTTP peers on 127.0.0.1 that seal and
 * open with the real `seal`/`open`: votes and health travel sealed (protocol 2), and every way
 * pairing can fail comes back with a code of its own.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseVoteRequest } from '../dto/parse-messages';
import { FederationErrorCode } from '../errors/federation-error';
import { generateNodeIdentity } from '../identity/node-identity';
import { asPeerId } from '../ids/peer-id';
import type { VoteRequest } from '../messages/vote-request';
import { open } from '../seal/open';
import { seal } from '../seal/seal';
import type { SealPurpose } from '../seal/seal-protocol';
import { newSwarmKey } from '../seal/swarm-key';
import { swarmMembership, type SwarmMembership } from '../seal/swarm-membership';
import { readBody, sendJson, startTestServer, type TestServer } from '../testing/test-server';
import { peerHealthWire, voteResponseWire } from '../testing/wire-fixtures';
import { FederationClient } from './federation-client';

const request: VoteRequest = {
  requestId: 'req-1',
  originNodeId: asPeerId('node-origin'),
  prompt: { kind: 'chat', messages: [{ role: 'user', content: 'What is 2 + 2?' }] },
  maxTokens: 16,
};

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

type Handler = (request: IncomingMessage, response: ServerResponse) => void | Promise<void>;

async function serve(handler: Handler): Promise<TestServer> {
  const server = await startTestServer((incoming, response) => void handler(incoming, response));
  servers.push(server);
  return server;
}

interface PeerBehaviour {
  /** Node id the reply body claims; default the peer's own. */
  readonly claimedNodeId?: string;
  /** Seals the reply with this membership instead of the peer's own (another swarm). */
  readonly replyAs?: SwarmMembership;
}

/** A paired peer: opens what it is sent as the protocol says, refuses with the seal code, answers sealed. */
function sealedPeer(membership: SwarmMembership, received: unknown[] = [], behaviour: PeerBehaviour = {}): Handler {
  return async (incoming, response) => {
    const isVote = incoming.url === '/v1/federation/vote';
    const expectedPurpose: SealPurpose = isVote ? 'vote-request' : 'health-request';
    const opened = open(JSON.parse(await readBody(incoming)) as unknown, { ...membership, expectedPurpose });
    if (!opened.ok) {
      const code = { not_member: 'FEDERATION_ERR_NOT_MEMBER', clock_skew: 'FEDERATION_ERR_CLOCK_SKEW', replayed: 'FEDERATION_ERR_REPLAYED' }[opened.code as string];
      sendJson(response, opened.code === 'not_member' ? 403 : 400, { error: { message: opened.message, type: 'invalid_request_error', code: code ?? 'FEDERATION_ERR_BAD_SEAL' } });
      return;
    }
    received.push(JSON.parse(opened.body));
    const nodeId = behaviour.claimedNodeId ?? membership.identity.nodeId;
    const body = isVote ? { ...voteResponseWire(nodeId), protocol: 2 } : { ...peerHealthWire(nodeId), protocol: 2 };
    const sealer = behaviour.replyAs ?? membership;
    const purpose: SealPurpose = isVote ? 'vote-reply' : 'health-reply';
    sendJson(response, 200, seal({ ...sealer, body: JSON.stringify(body), purpose, replyTo: opened.nonce }));
  };
}

function member(key = newSwarmKey()): SwarmMembership {
  return swarmMembership(key, generateNodeIdentity());
}

function client(url: string, membership: SwarmMembership | null, now?: () => number): FederationClient {
  return new FederationClient({ baseUrl: url, allowLoopback: true, membership, ...(now !== undefined && { now }) });
}

describe('FederationClient, paired (sealed protocol 2)', () => {
  it('asks for votes sealed, with wire protocol 2 inside, and opens the sealed reply', async () => {
    const key = newSwarmKey();
    const peer = member(key);
    const received: unknown[] = [];
    const server = await serve(sealedPeer(peer, received));
    const result = await client(server.url, member(key)).requestVote(request, { deadlineMs: 5000 });
    expect(result).toMatchObject({ ok: true, value: { protocol: 2, nodeId: peer.identity.nodeId } });
    expect(received).toHaveLength(1);
    expect(parseVoteRequest(received[0], 2)).toMatchObject({ ok: true, value: { protocol: 2, requestId: 'req-1' } });
  });

  it('times the sealed phases of a vote: sealing and opening apart from the exchange', async () => {
    const key = newSwarmKey();
    const server = await serve(sealedPeer(member(key)));
    const phases: string[][] = [];
    const asker = client(server.url, member(key));
    await asker.requestVote(request, { deadlineMs: 5000, onTiming: (timing) => phases.push(Object.keys(timing.phases)) });
    expect(phases).toEqual([['build', 'seal', 'connect', 'headers', 'body', 'open', 'validate']]);
  });

  it('raises the reply cap to the largest sealed envelope', async () => {
    const key = newSwarmKey();
    const server = await serve(sealedPeer(member(key)));
    const small = new FederationClient({ baseUrl: server.url, allowLoopback: true, membership: member(key), maxResponseBytes: 256 });
    expect(await small.health()).toMatchObject({ ok: true });
  });

  it('checks health with a sealed POST and takes the signer as the node id', async () => {
    const key = newSwarmKey();
    const peer = member(key);
    const server = await serve(sealedPeer(peer));
    const result = await client(server.url, member(key)).health();
    expect(result).toMatchObject({ ok: true, value: { protocol: 2, nodeId: peer.identity.nodeId } });
  });

  it('refuses a reply that claims another node id than the one that signed it', async () => {
    const key = newSwarmKey();
    const server = await serve(sealedPeer(member(key), [], { claimedNodeId: 'node-somebody-else' }));
    const result = await client(server.url, member(key)).health();
    expect(result).toMatchObject({ ok: false, error: { code: FederationErrorCode.IDENTITY_MISMATCH } });
  });

  it('a peer of another swarm refuses our request: NOT_MEMBER', async () => {
    const server = await serve(sealedPeer(member()));
    const result = await client(server.url, member()).health();
    expect(result).toMatchObject({ ok: false, error: { code: FederationErrorCode.NOT_MEMBER } });
  });

  it('a reply sealed with another swarm key is NOT_MEMBER, with the seal code', async () => {
    const key = newSwarmKey();
    const server = await serve(sealedPeer(member(key), [], { replyAs: member() }));
    const result = await client(server.url, member(key)).requestVote(request, { deadlineMs: 5000 });
    expect(result).toMatchObject({ ok: false, error: { code: FederationErrorCode.NOT_MEMBER, sealCode: 'not_member' } });
  });

  it('a clock 41 s ahead of the peer is CLOCK_SKEW', async () => {
    const key = newSwarmKey();
    const server = await serve(sealedPeer(member(key)));
    const result = await client(server.url, member(key), () => Date.now() + 41_000).health();
    expect(result).toMatchObject({ ok: false, error: { code: FederationErrorCode.CLOCK_SKEW } });
  });

  describe('against an open (unsealed protocol 1) node', () => {
    const why = 'speaks unsealed protocol 1; this node requires sealed protocol 2: join it to the swarm (local-swarm key show / --join) or run both with --federation-open';
    const openNode: Handler = async (incoming, response) => {
      await readBody(incoming);
      if (incoming.url === '/v1/federation/vote') {
        sendJson(response, 400, { error: { message: 'protocol must be an integer', type: 'invalid_request_error', param: 'protocol', code: 'FEDERATION_ERR_INVALID_MESSAGE' } });
      } else if (incoming.method === 'POST') {
        sendJson(response, 404, { message: 'Route POST:/v1/federation/health not found', error: 'Not Found', statusCode: 404 });
      } else {
        sendJson(response, 200, peerHealthWire());
      }
    };

    it.each([
      ['health', (c: FederationClient) => c.health()],
      ['vote', (c: FederationClient) => c.requestVote(request, { deadlineMs: 5000 })],
    ])('%s is a version mismatch that says how to pair', async (_call, call) => {
      const server = await serve(openNode);
      const result = await call(client(server.url, member()));
      expect(result).toMatchObject({ ok: false, error: { code: FederationErrorCode.VERSION_MISMATCH } });
      expect(result.ok ? '' : result.error.message).toContain(why);
    });

    it('an unsealed 200 reply is a version mismatch too', async () => {
      const server = await serve(async (incoming, response) => {
        await readBody(incoming);
        sendJson(response, 200, peerHealthWire());
      });
      const result = await client(server.url, member()).health();
      expect(result).toMatchObject({ ok: false, error: { code: FederationErrorCode.VERSION_MISMATCH, peerProtocol: 1 } });
      expect(result.ok ? '' : result.error.message).toContain(why);
    });
  });

  it('an open client meeting a paired node hears how to pair them', async () => {
    const server = await serve((_incoming, response) => sendJson(response, 200, { protocol: 2, key_id: '95341bff0acfa7d1', node_id: 'ls-eh7ddx5bksrgcytl7bkai36se4' }));
    const result = await client(server.url, null).health();
    expect(result).toMatchObject({ ok: false, error: { code: FederationErrorCode.VERSION_MISMATCH, peerProtocol: 2 } });
    expect(result.ok ? '' : result.error.message).toContain('speaks sealed protocol 2; this node runs open federation');
  });
});
