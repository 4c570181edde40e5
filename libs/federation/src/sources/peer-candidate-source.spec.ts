/**
 * PeerCandidateSource against a real HTTP server on 127.0.0.1:0 speaking the federation vote
 * protocol: a peer's votes become candidates named by the peer we asked; every way a peer can
 * fail ends in SWARM_ERR_SOURCE_FAILED and one failure report, unless the caller cancelled.
 */
import type { Candidate } from '@local-swarm/consensus';
import {
  FEDERATION_PATHS,
  FEDERATION_PROTOCOL_VERSION,
  FederationClient,
  FederationErrorCode,
  parseVoteRequest,
  type VoteResponseWire,
} from '@local-swarm/federation-protocol';
import { SwarmErrorCode, type CandidateSourceCallOptions, type GenerationRequest, type SourceOutcome } from '@local-swarm/swarm-core';
import { peerVoteWire, voteResponseWire, waitFor } from '../testing/peer-fixtures';
import { recordingCall, recordingObserver } from '../testing/source-call-fixtures';
import { closedPort, sendJson, sendText, stall, startTestHttpServer, type TestHandler, type TestHttpServer } from '../testing/test-http-server';
import { maxCandidateChars } from './max-candidate-chars';
import { MAX_CANDIDATES_PER_PEER } from './screen-peer-candidates';
import type { PeerCallObserver } from './peer-call-observer';
import { PeerCandidateSource, type PeerFacts } from './peer-candidate-source';

const ORIGIN = 'node-origin';
const PEER = 'peer-a';

const CHAT: GenerationRequest = {
  prompt: { kind: 'chat', messages: [{ role: 'user', content: 'What is 2 + 2?' }] },
  maxTokens: 32,
  candidates: 3,
};

/** A call whose clock reads 123 ms. */
function callOptions(overrides: Partial<CandidateSourceCallOptions> = {}): ReturnType<typeof recordingCall> {
  return recordingCall(123, overrides);
}

function expectFailure(outcome: SourceOutcome): string {
  if (outcome.ok) throw new Error('expected a failure, got candidates');
  expect(outcome.failure.code).toBe(SwarmErrorCode.SourceFailed);
  expect(outcome.failure.code).toBe('SWARM_ERR_SOURCE_FAILED');
  expect(outcome.failure.message).toContain(`peer ${PEER}`);
  return outcome.failure.message;
}

const servers: TestHttpServer[] = [];

async function peerServer(handler: TestHandler): Promise<TestHttpServer> {
  const server = await startTestHttpServer(handler);
  servers.push(server);
  return server;
}

function answering(reply: VoteResponseWire): TestHandler {
  return (request, response) => {
    if (request.method === 'POST' && request.url === FEDERATION_PATHS.vote) sendJson(response, 200, reply);
    else sendJson(response, 404, { error: { message: 'no route' } });
  };
}

/** The fake peers advertise 3 instances unless a test says otherwise. */
function sourceFor(server: TestHttpServer | string, observer: PeerCallObserver, deadlineMs = 5000, facts: PeerFacts = { instances: 3, modelSha256: null }): PeerCandidateSource {
  const baseUrl = typeof server === 'string' ? server : server.url;
  return new PeerCandidateSource(PEER, new FederationClient({ baseUrl, allowLoopback: true }), ORIGIN, deadlineMs, observer, () => facts);
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

describe('PeerCandidateSource.generate', () => {
  it('maps the votes to candidates named by the peer, reports each, and maps usage', async () => {
    const server = await peerServer(answering(voteResponseWire(PEER)));
    const observer = recordingObserver();
    const call = callOptions();
    const outcome = await sourceFor(server, observer).generate(CHAT, call);

    if (!outcome.ok) throw new Error(outcome.failure.message);
    expect(outcome.candidates).toEqual<Candidate[]>([
      { text: 'four', score: -0.25, source: PEER, sequence: 0, model: 'peer-model', finishReason: 'stop', latencyMs: 123, completionTokens: 4 },
      { text: '4', score: null, source: PEER, sequence: 1, model: 'peer-model', finishReason: 'length', latencyMs: 123, completionTokens: 1 },
    ]);
    expect(outcome.usage).toEqual({ promptTokens: 21, completionTokens: 5 });
    expect(call.seen).toEqual(outcome.candidates);
    expect(observer.successes).toEqual([PEER]);
    expect(observer.failures).toEqual([]);
  });

  it('drops a vote longer than max_tokens could produce, keeping the others at their positions', async () => {
    const tooLong = 'x'.repeat(maxCandidateChars(CHAT.maxTokens) + 1);
    const longest = 'y'.repeat(maxCandidateChars(CHAT.maxTokens));
    const votes = [peerVoteWire(PEER, 0, tooLong), peerVoteWire(PEER, 1, longest), peerVoteWire(PEER, 2, '4')];
    const server = await peerServer(answering(voteResponseWire(PEER, votes)));
    const outcome = await sourceFor(server, recordingObserver()).generate(CHAT, callOptions());
    if (!outcome.ok) throw new Error(outcome.failure.message);
    expect(outcome.candidates.map((candidate) => [candidate.sequence, candidate.text.length])).toEqual([
      [1, longest.length],
      [2, 1],
    ]);
  });

  describe('a fixed number of candidates per peer', () => {
    const forty = Array.from({ length: 40 }, (_unused, index) => peerVoteWire(PEER, index, `${index % 2}`));

    it.each([
      ['its advertised instances', 5, 5],
      ['at most MAX_CANDIDATES_PER_PEER', 40, MAX_CANDIDATES_PER_PEER],
      ['one when its instances are unknown', null, 1],
    ])('asks for %s and drops the extra candidates of a 40-vote reply as a violation', async (_label, instances, asked) => {
      const server = await peerServer(answering(voteResponseWire(PEER, forty)));
      const observer = recordingObserver();
      const call = callOptions();
      const outcome = await sourceFor(server, observer, 5000, { instances, modelSha256: null }).generate(CHAT, call);
      if (!outcome.ok) throw new Error(outcome.failure.message);
      const sent = parseVoteRequest(server.requests[0]?.body);
      expect(sent.ok && sent.value.candidates).toBe(asked);
      expect(outcome.candidates.map((candidate) => candidate.sequence)).toEqual(Array.from({ length: asked }, (_unused, index) => index));
      expect(call.seen).toHaveLength(asked);
      expect(observer.violations).toEqual([{ nodeId: PEER, violation: expect.stringContaining(`sent 40 candidates, ${asked} asked`) }]);
    });

    it('reports no violation for a reply of the count asked', async () => {
      const server = await peerServer(answering(voteResponseWire(PEER)));
      const observer = recordingObserver();
      await sourceFor(server, observer).generate(CHAT, callOptions());
      expect(observer.violations).toEqual([]);
    });

    it('reports over-long texts as a violation', async () => {
      const votes = [peerVoteWire(PEER, 0, 'x'.repeat(maxCandidateChars(CHAT.maxTokens) + 1)), peerVoteWire(PEER, 1, '4')];
      const observer = recordingObserver();
      await sourceFor(await peerServer(answering(voteResponseWire(PEER, votes))), observer).generate(CHAT, callOptions());
      expect(observer.violations).toEqual([{ nodeId: PEER, violation: expect.stringContaining('1 candidate text(s) longer than') }]);
    });
  });

  it("gives every candidate the model file's sha256 from the peer's health reply", async () => {
    const digest = 'ab'.repeat(32);
    const server = await peerServer(answering(voteResponseWire(PEER)));
    const outcome = await sourceFor(server, recordingObserver(), 5000, { instances: 3, modelSha256: digest }).generate(CHAT, callOptions());
    if (!outcome.ok) throw new Error(outcome.failure.message);
    expect(outcome.candidates.map((candidate) => candidate.modelHash)).toEqual([digest, digest]);
  });

  it('sends a valid protocol-1 vote request with hops 1, our origin id and a deadline shorter than ours', async () => {
    const server = await peerServer(answering(voteResponseWire(PEER)));
    await sourceFor(server, recordingObserver(), 4000).generate(
      { ...CHAT, temperature: 0.3, topP: 0.9, seed: 11, stop: ['END'], json: true },
      callOptions(),
    );
    expect(server.requests).toHaveLength(1);
    const [request] = server.requests;
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('/v1/federation/vote');
    const parsed = parseVoteRequest(request?.body);
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(parsed.value).toMatchObject({
      protocol: FEDERATION_PROTOCOL_VERSION,
      originNodeId: ORIGIN,
      hops: 1,
      prompt: CHAT.prompt,
      maxTokens: 32,
      temperature: 0.3,
      topP: 0.9,
      seed: 11,
      stop: ['END'],
      json: true,
    });
    expect(parsed.value.deadlineMs).toBeLessThan(4000);
    expect(parsed.value.deadlineMs).toBeGreaterThan(0);
  });

  it('names candidates by the peer it asked, even when the reply claims to be another node, and counts a violation', async () => {
    const reply = voteResponseWire('impostor', [peerVoteWire('impostor', 0, 'trust me'), peerVoteWire('someone-else', 1, 'me too')]);
    const server = await peerServer(answering(reply));
    const observer = recordingObserver();
    const call = callOptions();
    const outcome = await sourceFor(server, observer).generate(CHAT, call);
    if (!outcome.ok) throw new Error(outcome.failure.message);
    expect(outcome.candidates.map((candidate) => candidate.source)).toEqual([PEER, PEER]);
    expect(call.seen.map((candidate) => candidate.source)).toEqual([PEER, PEER]);
    expect(observer.violations).toEqual([
      { nodeId: PEER, violation: `sent 2 candidate(s) naming other node ids (impostor, someone-else); counted as ${PEER}'s` },
    ]);
  });

  it('numbers candidates by their position in the reply', async () => {
    const reply = voteResponseWire(PEER, [peerVoteWire(PEER, 7, 'a'), peerVoteWire(PEER, 3, 'b')]);
    const server = await peerServer(answering(reply));
    const outcome = await sourceFor(server, recordingObserver()).generate(CHAT, callOptions());
    if (!outcome.ok) throw new Error(outcome.failure.message);
    expect(outcome.candidates.map((candidate) => [candidate.text, candidate.sequence])).toEqual([
      ['a', 0],
      ['b', 1],
    ]);
  });

  it('accepts a reply without votes as an empty success', async () => {
    const server = await peerServer(answering(voteResponseWire(PEER, [])));
    const observer = recordingObserver();
    const call = callOptions();
    const outcome = await sourceFor(server, observer).generate(CHAT, call);
    expect(outcome).toEqual({ ok: true, candidates: [], usage: { promptTokens: 21, completionTokens: 5 } });
    expect(call.seen).toEqual([]);
    expect(observer.successes).toEqual([PEER]);
  });

  it('works without an onCandidate callback', async () => {
    const server = await peerServer(answering(voteResponseWire(PEER)));
    const outcome = await sourceFor(server, recordingObserver()).generate(CHAT, { signal: new AbortController().signal, elapsedMs: () => 1 });
    expect(outcome.ok).toBe(true);
  });

  it.each<[string, TestHandler, string]>([
    ['HTTP 500', (_request, response) => sendJson(response, 500, { error: { message: 'boom', type: 'server_error', param: null, code: null } }), FederationErrorCode.HTTP],
    ['a body that is not JSON', (_request, response) => sendText(response, 200, '<html>hello</html>'), FederationErrorCode.BAD_REPLY],
    ['JSON that is not a vote reply', (_request, response) => sendJson(response, 200, { votes: 'many' }), FederationErrorCode.BAD_REPLY],
    ['a vote with a positive score', (_request, response) => sendJson(response, 200, voteResponseWire(PEER, [peerVoteWire(PEER, 0, 'x', { score: 2 })])), FederationErrorCode.BAD_REPLY],
    [
      'another protocol version',
      (_request, response) => sendJson(response, 200, { ...voteResponseWire(PEER), protocol: FEDERATION_PROTOCOL_VERSION + 1 }),
      FederationErrorCode.VERSION_MISMATCH,
    ],
    [
      'a 400 refusing the hop count',
      (_request, response) => sendJson(response, 400, { error: { message: 'hops', type: 'invalid_request_error', param: 'hops', code: FederationErrorCode.HOPS_EXCEEDED } }),
      FederationErrorCode.HTTP,
    ],
  ])('fails on %s, reporting the peer once', async (_label, handler, code) => {
    const server = await peerServer(handler);
    const observer = recordingObserver();
    const call = callOptions();
    const outcome = await sourceFor(server, observer).generate(CHAT, call);
    expectFailure(outcome);
    expect(call.seen).toEqual([]);
    expect(observer.successes).toEqual([]);
    expect(observer.failures).toHaveLength(1);
    expect(observer.failures[0]?.nodeId).toBe(PEER);
    expect(observer.failures[0]?.error.code).toBe(code);
  });

  it('fails when nothing listens at the peer address', async () => {
    const observer = recordingObserver();
    const outcome = await sourceFor(`http://127.0.0.1:${await closedPort()}`, observer).generate(CHAT, callOptions());
    expectFailure(outcome);
    expect(observer.failures.map((failure) => failure.error.code)).toEqual([FederationErrorCode.REFUSED]);
  });

  it('gives up on a peer that stalls past the deadline', async () => {
    const server = await peerServer(stall);
    const observer = recordingObserver();
    const source = sourceFor(server, observer, 300);
    const started = Date.now();
    const pending = source.generate(CHAT, callOptions());
    await waitFor(() => server.requests.length === 1);
    expect(source.inFlight).toBe(1);
    const outcome = await pending;
    expect(Date.now() - started).toBeLessThan(3000);
    expectFailure(outcome);
    expect(source.inFlight).toBe(0);
    expect(observer.failures.map((failure) => failure.error.code)).toEqual([FederationErrorCode.TIMEOUT]);
    expect(observer.successes).toEqual([]);
  });

  it('does not blame the peer when the caller aborts a call in progress', async () => {
    const server = await peerServer(stall);
    const observer = recordingObserver();
    const controller = new AbortController();
    const source = sourceFor(server, observer);
    const pending = source.generate(CHAT, callOptions({ signal: controller.signal }));
    await waitFor(() => server.requests.length === 1);
    controller.abort();
    const outcome = await pending;
    expectFailure(outcome);
    expect(observer.failures).toEqual([]);
    expect(observer.successes).toEqual([]);
    expect(source.inFlight).toBe(0);
  });

  it('does not blame the peer when the caller aborted before the call', async () => {
    const server = await peerServer(answering(voteResponseWire(PEER)));
    const observer = recordingObserver();
    const outcome = await sourceFor(server, observer).generate(CHAT, callOptions({ signal: AbortSignal.abort() }));
    expectFailure(outcome);
    expect(server.requests).toHaveLength(0);
    expect(observer.failures).toEqual([]);
  });

  it('counts requests in flight while they last', async () => {
    const server = await peerServer(stall);
    const source = sourceFor(server, recordingObserver());
    const controller = new AbortController();
    const calls = [source.generate(CHAT, callOptions({ signal: controller.signal })), source.generate(CHAT, callOptions({ signal: controller.signal }))];
    expect(source.inFlight).toBe(2);
    controller.abort();
    await Promise.all(calls);
    expect(source.inFlight).toBe(0);
  });
});
