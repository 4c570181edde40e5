/**
 * An open (unsealed) peer announced at a new address moves at once, and its votes go there: over
 * real HTTP on 127.0.0.1, two servers answering as the same node.
 */
import { FEDERATION_PATHS, silentFederationLogger } from '@local-swarm/federation-protocol';
import type { DiscoveredPeer } from '../registry/peer-registry';
import { peerHealthWire, voteResponseWire, waitFor } from '../testing/peer-fixtures';
import { recordingCall } from '../testing/source-call-fixtures';
import { sendJson, startTestHttpServer, type TestHttpServer } from '../testing/test-http-server';
import { PeerDirectory } from './peer-directory';

const REQUEST = { prompt: { kind: 'text' as const, text: '2+3=' }, maxTokens: 8, candidates: 1 };
const servers: TestHttpServer[] = [];
let directory: PeerDirectory | null = null;

afterEach(async () => {
  await directory?.stop();
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function twin(): Promise<{ port: number; votes: () => number }> {
  const server = await startTestHttpServer((request, response) => {
    if (request.url === FEDERATION_PATHS.health) sendJson(response, 200, peerHealthWire('twin'));
    else sendJson(response, 200, voteResponseWire('twin'));
  });
  servers.push(server);
  return { port: server.port, votes: () => server.requests.filter((request) => request.url === FEDERATION_PATHS.vote).length };
}

const announcedAt = (port: number): DiscoveredPeer => ({
  nodeId: 'twin', name: 'twin', address: '127.0.0.1', port, modelId: null, instances: 1, keyId: null, lastSeen: Date.now(),
});

async function voteOnce(peers: PeerDirectory): Promise<void> {
  await Promise.all(peers.healthySources().map((participant) => participant.source.generate(REQUEST, recordingCall(0))));
}

describe('an open peer announced at a new address', () => {
  it('receives its next vote there, not at the old address', async () => {
    const [home, moved] = [await twin(), await twin()];
    directory = new PeerDirectory({
      nodeId: 'node-self',
      settings: { peers: [], unhealthyAfterFailures: 2, healthIntervalMs: 200, voteTimeoutMs: 5000, allowLoopbackPeers: true },
      logger: silentFederationLogger,
      onVoteFailed: () => undefined,
      trust: { ownKeyId: null, isBlocked: () => false },
    });
    const peers = directory;
    peers.start();
    peers.seen(announcedAt(home.port));
    await waitFor(() => peers.list()[0]?.status === 'healthy');
    await voteOnce(peers);
    expect([home.votes(), moved.votes()]).toEqual([1, 0]);

    peers.seen(announcedAt(moved.port));
    await waitFor(() => peers.list()[0]?.status === 'healthy' && peers.list()[0]?.port === moved.port);
    await voteOnce(peers);
    expect([home.votes(), moved.votes()]).toEqual([1, 1]);
  });
});
