/**
 * PeerCandidateSource over sealed protocol 2 against a real paired peer on 127.0.0.1: the votes
 * inside a signed reply are the signer's, whatever node ids they claim.
 */
import {
  FederationClient,
  generateNodeIdentity,
  newSwarmKey,
  open,
  seal,
  swarmMembership,
  type SwarmMembership,
} from '@local-swarm/federation-protocol';
import type { GenerationRequest } from '@local-swarm/swarm-core';
import { peerVoteWire, voteResponseWire } from '../testing/peer-fixtures';
import { recordingCall, recordingObserver } from '../testing/source-call-fixtures';
import { sendJson, startTestHttpServer, type TestHandler, type TestHttpServer } from '../testing/test-http-server';
import { PeerCandidateSource } from './peer-candidate-source';

const CHAT: GenerationRequest = { prompt: { kind: 'chat', messages: [{ role: 'user', content: '2 + 2?' }] }, maxTokens: 32, candidates: 3 };

const servers: TestHttpServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

/** A paired peer whose vote reply is honestly signed but whose votes claim `claimedVoteIds`. */
function sealedVoter(peer: SwarmMembership, claimedVoteIds: readonly string[]): TestHandler {
  return (request, response) => {
    const opened = open(request.body, { ...peer, expectedPurpose: 'vote-request' });
    if (!opened.ok) return sendJson(response, 400, { error: { message: opened.message } });
    const votes = claimedVoteIds.map((claimed, index) => peerVoteWire(claimed, index, `${index}`));
    const body = JSON.stringify({ ...voteResponseWire(peer.identity.nodeId, votes), protocol: 2 });
    sendJson(response, 200, seal({ ...peer, body, purpose: 'vote-reply', replyTo: opened.nonce }));
  };
}

describe('PeerCandidateSource, paired', () => {
  it("names every candidate by the reply's signer and counts votes claiming another member as a violation", async () => {
    const key = newSwarmKey();
    const peer = swarmMembership(key, generateNodeIdentity());
    const otherMember = generateNodeIdentity().nodeId;
    const signer = peer.identity.nodeId;
    const server = await startTestHttpServer(sealedVoter(peer, [otherMember, signer]));
    servers.push(server);
    const client = new FederationClient({ baseUrl: server.url, allowLoopback: true, membership: swarmMembership(key, generateNodeIdentity()) });
    const observer = recordingObserver();
    const call = recordingCall(5);
    const source = new PeerCandidateSource(signer, client, 'node-origin', 5000, observer, () => ({ instances: 2, modelSha256: null }));

    const outcome = await source.generate(CHAT, call);

    if (!outcome.ok) throw new Error(outcome.failure.message);
    expect(outcome.candidates.map((candidate) => candidate.source)).toEqual([signer, signer]);
    expect(call.seen.map((candidate) => candidate.source)).toEqual([signer, signer]);
    expect(observer.violations).toEqual([{ nodeId: signer, violation: expect.stringContaining(`naming other node ids (${otherMember})`) }]);
  });

  it('counts no violation when every vote names the signer', async () => {
    const key = newSwarmKey();
    const peer = swarmMembership(key, generateNodeIdentity());
    const signer = peer.identity.nodeId;
    const server = await startTestHttpServer(sealedVoter(peer, [signer, signer]));
    servers.push(server);
    const client = new FederationClient({ baseUrl: server.url, allowLoopback: true, membership: swarmMembership(key, generateNodeIdentity()) });
    const observer = recordingObserver();
    const outcome = await new PeerCandidateSource(signer, client, 'node-origin', 5000, observer, () => ({ instances: 2, modelSha256: null })).generate(CHAT, recordingCall(5));
    expect(outcome.ok && outcome.candidates.map((candidate) => candidate.source)).toEqual([signer, signer]);
    expect(observer.violations).toEqual([]);
  });
});
