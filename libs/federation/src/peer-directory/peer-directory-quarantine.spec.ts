/**
 * A peer that packs every vote with extra candidates, over real HTTP on 127.0.0.1: three such
 * replies quarantine it, it is asked no more, and the peer list says why.
 */
import { FEDERATION_PATHS, silentFederationLogger } from '@local-swarm/federation-protocol';
import { peerHealthWire, peerVoteWire, voteResponseWire } from '../testing/peer-fixtures';
import { recordingCall } from '../testing/source-call-fixtures';
import { sendJson, startTestHttpServer, type TestHttpServer } from '../testing/test-http-server';
import { PeerDirectory } from './peer-directory';

const REQUEST = { prompt: { kind: 'text' as const, text: '2+3=' }, maxTokens: 8, candidates: 1 };
let server: TestHttpServer | null = null;
let directory: PeerDirectory | null = null;

afterEach(async () => {
  await directory?.stop();
  await server?.close();
});

it('quarantines a peer whose votes keep carrying extra candidates, and asks it no more', async () => {
  const packed = voteResponseWire('packer', Array.from({ length: 40 }, (_unused, index) => peerVoteWire('packer', index, 'six')));
  server = await startTestHttpServer((request, response) => {
    if (request.url === FEDERATION_PATHS.health) sendJson(response, 200, peerHealthWire('packer'));
    else sendJson(response, 200, packed);
  });
  directory = new PeerDirectory({
    nodeId: 'node-self',
    settings: { peers: [], unhealthyAfterFailures: 2, healthIntervalMs: 60_000, voteTimeoutMs: 5000, allowLoopbackPeers: true },
    logger: silentFederationLogger,
    onVoteFailed: () => undefined,
  });
  await directory.addManual(`127.0.0.1:${server.port}`);
  for (let vote = 0; vote < 3; vote += 1) {
    const [participant] = directory.healthySources();
    if (participant === undefined) throw new Error(`the peer was no longer asked at vote ${vote}`);
    const outcome = await participant.source.generate(REQUEST, recordingCall(0));
    // Its advertised 3 instances are what it was asked for and all that is used.
    expect(outcome.ok && outcome.candidates.length).toBe(3);
  }
  expect(directory.healthySources()).toEqual([]);
  expect(directory.list()).toEqual([
    expect.objectContaining({ node_id: 'packer', status: 'quarantined', reason: expect.stringContaining('sent 40 candidates, 3 asked') }),
  ]);
  expect(directory.counts()).toMatchObject({ healthy: 0, unhealthy: 1 });
  // Adding its address again does not free it.
  await directory.addManual(`127.0.0.1:${server.port}`);
  expect(directory.list()[0]?.status).toBe('quarantined');
});
