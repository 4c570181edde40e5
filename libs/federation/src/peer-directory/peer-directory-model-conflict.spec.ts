/**
 * A peer that names this node's model but runs another file, over real HTTP on 127.0.0.1: it is
 * listed `ignored` with why, never asked to vote, and asked again once its health report matches.
 */
import { FEDERATION_PATHS, silentFederationLogger, type PeerHealthWire } from '@local-swarm/federation-protocol';
import { peerHealthWire, voteResponseWire, waitFor } from '../testing/peer-fixtures';
import { recordingCall } from '../testing/source-call-fixtures';
import { sendJson, startTestHttpServer, type TestHttpServer } from '../testing/test-http-server';
import { PeerDirectory } from './peer-directory';

const OURS = 'a1'.repeat(32);
const THEIRS = 'b2'.repeat(32);
const REQUEST = { prompt: { kind: 'text' as const, text: '2+3=' }, maxTokens: 8, candidates: 1 };

let server: TestHttpServer | null = null;
let directory: PeerDirectory | null = null;

afterEach(async () => {
  await directory?.stop();
  await server?.close();
});

/** A peer `twin` whose health report is whatever `health()` says now; counts the vote calls it gets. */
async function twinAnswering(health: () => PeerHealthWire): Promise<{ votes: () => number }> {
  server = await startTestHttpServer((request, response) => {
    if (request.url === FEDERATION_PATHS.health) sendJson(response, 200, health());
    else sendJson(response, 200, voteResponseWire('twin'));
  });
  const started = server;
  return { votes: () => started.requests.filter((request) => request.url === FEDERATION_PATHS.vote).length };
}

/** A directory of this node, which runs `peer-model` from the file hashed OURS. */
async function directoryWithTwin(healthIntervalMs = 60_000): Promise<PeerDirectory> {
  if (server === null) throw new Error('start the peer first');
  directory = new PeerDirectory({
    nodeId: 'node-self',
    settings: { peers: [], unhealthyAfterFailures: 2, healthIntervalMs, voteTimeoutMs: 5000, allowLoopbackPeers: true },
    logger: silentFederationLogger,
    onVoteFailed: () => undefined,
    localModel: () => ({ modelId: 'peer-model', modelSha256: OURS }),
  });
  directory.start();
  await directory.addManual(`127.0.0.1:${server.port}`);
  return directory;
}

/** Asks every peer the directory would ask, as a vote does. */
async function voteOnce(peers: PeerDirectory): Promise<void> {
  await Promise.all(peers.healthySources().map((participant) => participant.source.generate(REQUEST, recordingCall(0))));
}

describe('a peer claiming the local model with another file', () => {
  it('is listed ignored with the reason, counted as not asked, and never receives a vote call', async () => {
    const peer = await twinAnswering(() => ({ ...peerHealthWire('twin'), model_sha256: THEIRS }));
    const peers = await directoryWithTwin();
    // addManual keeps it: it answers as a peer, it only may not vote.
    expect(peers.list()).toEqual([
      expect.objectContaining({
        node_id: 'twin',
        status: 'ignored',
        reason: 'claims model peer-model but its file differs (sha256 b2b2b2b2b2b2 vs ours a1a1a1a1a1a1); use the same file or rename it',
      }),
    ]);
    expect(peers.healthySources()).toEqual([]);
    expect(peers.counts()).toMatchObject({ total: 1, healthy: 0, unhealthy: 1 });
    await voteOnce(peers);
    expect(peer.votes()).toBe(0);
  });

  it('comes back by itself once a later health report names our file', async () => {
    let digest = THEIRS;
    const peer = await twinAnswering(() => ({ ...peerHealthWire('twin'), model_sha256: digest }));
    const peers = await directoryWithTwin(300);
    expect(peers.list()[0]?.status).toBe('ignored');
    digest = OURS;
    await waitFor(() => peers.list()[0]?.status === 'healthy');
    expect(peers.list()).toEqual([expect.objectContaining({ node_id: 'twin', status: 'healthy', reason: null })]);
    await voteOnce(peers);
    expect(peer.votes()).toBe(1);
  });

  it.each([
    ['another model id with another file', { model_id: 'other-model', model_sha256: THEIRS }],
    ['the same model id without a digest', {}],
    ['the same model id and file', { model_sha256: OURS }],
  ])('leaves a peer reporting %s alone: it votes', async (_label, fields) => {
    const peer = await twinAnswering(() => ({ ...peerHealthWire('twin'), ...fields }));
    const peers = await directoryWithTwin();
    expect(peers.list()).toEqual([expect.objectContaining({ node_id: 'twin', status: 'healthy' })]);
    await voteOnce(peers);
    expect(peer.votes()).toBe(1);
  });
});
