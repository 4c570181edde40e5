/**
 * A peer vote's time on the asking side, reported under the request's id to an observer that
 * asks for it (the node logs it at debug level); an observer without onVoteTiming gets no timing
 * and the client is not asked to time the call.
 */
import { FEDERATION_PATHS, FederationClient, type RequestVoteOptions, type VoteCallTiming } from '@local-swarm/federation-protocol';
import type { GenerationRequest } from '@local-swarm/swarm-core';
import { voteResponseWire } from '../testing/peer-fixtures';
import { recordingCall, recordingObserver } from '../testing/source-call-fixtures';
import { sendJson, startTestHttpServer, type TestHttpServer } from '../testing/test-http-server';
import { PeerCandidateSource } from './peer-candidate-source';

const PEER = 'peer-a';
const REQUEST: GenerationRequest = { requestId: 'req-timed', prompt: { kind: 'text', text: 'Say 4.' }, maxTokens: 8, candidates: 1 };

let server: TestHttpServer;

beforeEach(async () => {
  server = await startTestHttpServer((request, response) => {
    if (request.url === FEDERATION_PATHS.vote) sendJson(response, 200, voteResponseWire(PEER));
    else sendJson(response, 404, { error: { message: 'no route' } });
  });
});

afterEach(() => server.close());

describe('PeerCandidateSource vote timing', () => {
  it("reports the client's phases and its own screening under the request id", async () => {
    const timings: { nodeId: string; requestId: string; timing: VoteCallTiming }[] = [];
    const observer = { ...recordingObserver(), onVoteTiming: (nodeId: string, requestId: string, timing: VoteCallTiming) => timings.push({ nodeId, requestId, timing }) };
    const client = new FederationClient({ baseUrl: server.url, allowLoopback: true });
    const outcome = await new PeerCandidateSource(PEER, client, 'node-origin', 5000, observer).generate(REQUEST, recordingCall(5));
    expect(outcome.ok).toBe(true);
    expect(timings.map(({ nodeId, requestId }) => [nodeId, requestId])).toEqual([[PEER, 'req-timed']]);
    expect(Object.keys(timings[0]?.timing.phases ?? {})).toEqual(expect.arrayContaining(['build', 'validate', 'screen']));
    expect(timings[0]?.timing.reusedConnection).toBe(false);
  });

  it('does not ask the client to time a call nobody reads', async () => {
    const client = new FederationClient({ baseUrl: server.url, allowLoopback: true });
    const asked: RequestVoteOptions[] = [];
    const requestVote = client.requestVote.bind(client);
    jest.spyOn(client, 'requestVote').mockImplementation((request, options) => (asked.push(options), requestVote(request, options)));
    const outcome = await new PeerCandidateSource(PEER, client, 'node-origin', 5000, recordingObserver()).generate(REQUEST, recordingCall(5));
    expect(outcome.ok).toBe(true);
    expect(asked.map((options) => options.onTiming)).toEqual([undefined]);
  });
});
