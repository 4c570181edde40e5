/**
 * Paired nodes (a swarm membership): `/v1/federation/vote` and `/health` speak sealed protocol 2
 * only, with the real seal/open on both sides. Nodes are in-process apps; peers listen on 127.0.0.1.
 */
import {
  FEDERATION_PROTOCOL_VERSION,
  FederationClient,
  asPeerId,
  FederationErrorCode,
  generateNodeIdentity,
  newSwarmKey,
  open,
  seal,
  swarmMembership,
  type SwarmKey,
  type SwarmMembership,
  type VoteRequestWire,
} from '@local-swarm/federation-protocol';
import { waitFor } from '@local-swarm/federation/testing';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { FakeSwarm } from '../testing/fake-swarm';
import { createFederatedApp, federationConfig, type FederatedTestApp } from '../testing/federation-fixtures';

const UNSEALED_WHY = 'speaks unsealed protocol 1; this node requires sealed protocol 2: join it to the swarm (local-swarm key show / --join) or run both with --federation-open';

function member(key: SwarmKey): SwarmMembership {
  return swarmMembership(key, generateNodeIdentity());
}

function voteWire(origin: string, protocol: number): VoteRequestWire {
  return {
    protocol,
    request_id: 'req-1',
    origin_node_id: origin,
    hops: 1,
    deadline_ms: 10_000,
    prompt: { kind: 'chat', messages: [{ role: 'user', content: 'What is 2 + 3?' }] },
    max_tokens: 32,
  };
}

/** A logger whose lines the test reads. */
function capturedLogger(): { logger: pino.Logger; lines: string[] } {
  const lines: string[] = [];
  return { logger: pino({ level: 'info' }, { write: (line: string) => void lines.push(line) }), lines };
}

const apps: NestFastifyApplication[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()));
});

async function listening(node: FederatedTestApp): Promise<string> {
  apps.push(node.app);
  await node.app.listen(0, '127.0.0.1');
  return `http://127.0.0.1:${(node.app.getHttpServer().address() as AddressInfo).port}`;
}

describe('a paired node serving its swarm', () => {
  const key = newSwarmKey();
  let peer: SwarmMembership;
  let log: ReturnType<typeof capturedLogger>;
  let node: FederatedTestApp;
  let url: string;

  beforeEach(async () => {
    peer = member(key);
    log = capturedLogger();
    node = await createFederatedApp(new FakeSwarm(), { membership: peer, logger: log.logger });
    url = await listening(node);
  });

  function client(membership: SwarmMembership | null, now?: () => number): FederationClient {
    return new FederationClient({ baseUrl: url, allowLoopback: true, membership, ...(now !== undefined && { now }) });
  }

  it('serves a sealed vote and seals the reply for the asker', async () => {
    const asker = member(key);
    const request = { requestId: 'r', originNodeId: asPeerId(asker.identity.nodeId), prompt: { kind: 'text' as const, text: 'x' }, maxTokens: 8 };
    const result = await client(asker).requestVote(request, { deadlineMs: 5000 });
    expect(result).toMatchObject({ ok: true, value: { protocol: 2, nodeId: peer.identity.nodeId } });
  });

  it('answers a sealed health check with its load; a GET gets only protocol, key id and node id', async () => {
    expect(await client(member(key)).health()).toMatchObject({ ok: true, value: { protocol: 2, nodeId: peer.identity.nodeId, instances: 3 } });
    const response = await node.fastify.inject({ method: 'GET', url: '/v1/federation/health' });
    expect(response.json()).toEqual({ protocol: 2, key_id: peer.keyId, node_id: peer.identity.nodeId });
  });

  it('refuses a node of another swarm (403 NOT_MEMBER); the client hears NOT_MEMBER', async () => {
    const result = await client(member(newSwarmKey())).health();
    expect(result).toMatchObject({ ok: false, error: { code: FederationErrorCode.NOT_MEMBER } });
    expect(log.lines.join('')).toContain('sealed health refused: not_member:');
  });

  it('refuses a member on the block list (403 peer_blocked), blocked live through DELETE ?block=true', async () => {
    const blocked = new Set<string>();
    const guarded = await createFederatedApp(new FakeSwarm(), { membership: member(key), logger: log.logger, blocked });
    const guardedUrl = await listening(guarded);
    const asker = member(key);
    const ask = (): ReturnType<FederationClient['health']> => new FederationClient({ baseUrl: guardedUrl, allowLoopback: true, membership: asker }).health();
    expect((await ask()).ok).toBe(true);
    const removed = await guarded.fastify.inject({ method: 'DELETE', url: `/v1/federation/peers/${asker.identity.nodeId}?block=true` });
    expect(removed.statusCode).toBe(204);
    expect(blocked.has(asker.identity.nodeId)).toBe(true);
    expect(await ask()).toMatchObject({ ok: false });
    expect(log.lines.join('')).toContain(`sealed health refused: blocked: ${asker.identity.nodeId}`);
    const malformed = await guarded.fastify.inject({ method: 'DELETE', url: '/v1/federation/peers/not%20an%20id?block=true' });
    expect(malformed.statusCode).toBe(400);
  });

  it('refuses a captured request sent again: REPLAYED', async () => {
    const asker = member(key);
    const envelope = seal({ ...asker, body: JSON.stringify(voteWire(asker.identity.nodeId, 2)), purpose: 'vote-request' });
    const first = await node.fastify.inject({ method: 'POST', url: '/v1/federation/vote', payload: envelope });
    expect(first.statusCode).toBe(200);
    const reply = open(first.json(), { ...asker, expectedPurpose: 'vote-reply', replyTo: envelope.nonce });
    expect(reply).toMatchObject({ ok: true, senderId: peer.identity.nodeId });
    const again = await node.fastify.inject({ method: 'POST', url: '/v1/federation/vote', payload: envelope });
    expect(again.statusCode).toBe(400);
    expect(again.json()).toMatchObject({ error: { code: FederationErrorCode.REPLAYED } });
  });

  it('refuses a vote whose origin is not the node that signed it', async () => {
    const asker = member(key);
    const envelope = seal({ ...asker, body: JSON.stringify(voteWire('ls-aaaaaaaaaaaaaaaaaaaaaaaaaa', 2)), purpose: 'vote-request' });
    const response = await node.fastify.inject({ method: 'POST', url: '/v1/federation/vote', payload: envelope });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ error: { code: FederationErrorCode.IDENTITY_MISMATCH } });
  });

  it('refuses a clock 41 s ahead (CLOCK_SKEW) and logs one clear line, never the envelope', async () => {
    const result = await client(member(key), () => Date.now() + 41_000).health();
    expect(result).toMatchObject({ ok: false, error: { code: FederationErrorCode.CLOCK_SKEW } });
    const line = log.lines.find((entry) => entry.includes('sealed health refused'));
    expect(line).toMatch(/sealed health refused: clock_skew: the clock of ls-\w+ is 4\d{4} ms ahead of this node's \(at most 30000 ms allowed\)/);
    expect(line).not.toContain('ciphertext');
  });

  it('refuses an unsealed protocol-1 vote: 400 version mismatch saying how to pair', async () => {
    const response = await node.fastify.inject({ method: 'POST', url: '/v1/federation/vote', payload: voteWire('node-old', FEDERATION_PROTOCOL_VERSION) });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { code: FederationErrorCode.VERSION_MISMATCH } });
    expect(response.json<{ error: { message: string } }>().error.message).toContain(UNSEALED_WHY);
  });

  it('an open client hears that the node is paired', async () => {
    const result = await client(null).health();
    expect(result).toMatchObject({ ok: false, error: { code: FederationErrorCode.VERSION_MISMATCH, peerProtocol: 2 } });
  });
});

describe('an open node', () => {
  it('a paired client hears that it speaks unsealed protocol 1; POST health stays a 404', async () => {
    const node = await createFederatedApp(new FakeSwarm());
    const url = await listening(node);
    const paired = new FederationClient({ baseUrl: url, allowLoopback: true, membership: member(newSwarmKey()) });
    for (const result of [await paired.health(), await paired.requestVote({ requestId: 'r', originNodeId: asPeerId('node-origin'), prompt: { kind: 'text', text: 'x' }, maxTokens: 8 }, { deadlineMs: 5000 })]) {
      expect(result).toMatchObject({ ok: false, error: { code: FederationErrorCode.VERSION_MISMATCH } });
      expect(result.ok ? '' : result.error.message).toContain(UNSEALED_WHY);
    }
  });
});

describe('two paired nodes of one swarm', () => {
  it("a chat completion counts the peer's candidates, through sealed traffic only", async () => {
    const key = newSwarmKey();
    const peerSwarm = new FakeSwarm({ candidates: [{ text: 'six', score: -0.2 }, { text: 'six', score: -0.3 }, { text: 'six', score: -0.4 }] });
    const peerMembership = member(key);
    const peerUrl = await listening(await createFederatedApp(peerSwarm, { membership: peerMembership }));
    const origin = await createFederatedApp(new FakeSwarm(), { membership: member(key), config: federationConfig({ peers: [new URL(peerUrl).host] }) });
    apps.push(origin.app);
    expect(origin.directory.start()).toEqual({ ok: true });
    await waitFor(() => origin.directory.counts().healthy === 1);
    expect(origin.directory.list()[0]).toMatchObject({ node_id: peerMembership.identity.nodeId, status: 'healthy' });

    const response = await origin.fastify.inject({ method: 'POST', url: '/v1/chat/completions', payload: { messages: [{ role: 'user', content: 'What is 2 + 3?' }] } });
    expect(response.statusCode).toBe(200);
    const body = response.json<{ choices: { message: { content: string } }[]; consensus: { candidates: { source: string }[] } }>();
    expect(body.consensus.candidates.filter((candidate) => candidate.source === peerMembership.identity.nodeId)).toHaveLength(3);
    expect(body.choices[0]?.message.content).toBe('six');
  });

  it('a node of another swarm is never healthy and cannot be added', async () => {
    const peerUrl = await listening(await createFederatedApp(new FakeSwarm(), { membership: member(newSwarmKey()) }));
    const origin = await createFederatedApp(new FakeSwarm(), { membership: member(newSwarmKey()) });
    apps.push(origin.app);
    const added = await origin.directory.addManual(new URL(peerUrl).host);
    expect(added).toMatchObject({ ok: false, error: { code: FederationErrorCode.NOT_MEMBER } });
    expect(origin.directory.counts().healthy).toBe(0);
  });
});
