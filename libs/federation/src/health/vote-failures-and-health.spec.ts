/**
 * Which failed votes turn a peer unhealthy: a real PeerDirectory, its health checks and the
 * candidate source it hands out, against a peer on 127.0.0.1:0 whose vote route answers what each
 * test says. Only the peer's own faults count; a refusal of our request, or a request this node
 * never sent, leaves the peer healthy however often it happens.
 */
import { FEDERATION_PATHS, FederationErrorCode, silentFederationLogger } from '@local-swarm/federation-protocol';
import type { GenerationRequest } from '@local-swarm/swarm-core';
import { PeerDirectory, type VoteFailure } from '../peer-directory/peer-directory';
import { peerHealthWire } from '../testing/peer-fixtures';
import { recordingCall } from '../testing/source-call-fixtures';
import { sendJson, stall, startTestHttpServer, type TestHttpServer } from '../testing/test-http-server';

const PEER = 'peer-a';
const CHAT: GenerationRequest = { prompt: { kind: 'chat', messages: [{ role: 'user', content: 'What is 2 + 2?' }] }, maxTokens: 32, candidates: 2 };
const VOTE_TIMEOUT_MS = 300;

type VoteAnswer = { readonly status: number; readonly code: string } | 'stall';

let server: TestHttpServer | null = null;
let peers: PeerDirectory | null = null;

afterEach(async () => {
  await peers?.stop();
  await server?.close();
  peers = null;
  server = null;
});

/** A directory (threshold 2) with one healthy peer whose votes all get `answer`. */
async function peerWhoseVotesGet(answer: VoteAnswer): Promise<{ directory: PeerDirectory; failures: VoteFailure[]; votesReceived: () => number }> {
  server = await startTestHttpServer((request, response) => {
    if (request.url === FEDERATION_PATHS.health) return sendJson(response, 200, peerHealthWire(PEER));
    if (answer === 'stall') return stall();
    sendJson(response, answer.status, { error: { message: `refused: ${answer.code}`, type: 'invalid_request_error', param: null, code: answer.code } });
  });
  const failures: VoteFailure[] = [];
  const directory = new PeerDirectory({
    nodeId: 'node-self',
    // Health rounds a minute apart: only the votes of the test can change the peer's health.
    settings: { peers: [], unhealthyAfterFailures: 2, healthIntervalMs: 60_000, voteTimeoutMs: VOTE_TIMEOUT_MS, allowLoopbackPeers: true },
    logger: silentFederationLogger,
    onVoteFailed: (failure) => failures.push(failure),
  });
  peers = directory;
  const added = await directory.addManual(`127.0.0.1:${server.port}`);
  expect(added).toMatchObject({ ok: true, peer: { node_id: PEER, status: 'healthy' } });
  const votesReceived = (): number => server?.requests.filter((request) => request.url === FEDERATION_PATHS.vote).length ?? 0;
  return { directory, failures, votesReceived };
}

/** Asks the peer for a vote through the directory's own source, `times` times in a row. */
async function askTwice(directory: PeerDirectory, request: GenerationRequest = CHAT): Promise<void> {
  for (let time = 0; time < 2; time += 1) {
    const source = directory.healthySources()[0]?.source;
    if (source === undefined) throw new Error('the peer is no longer asked');
    const outcome = await source.generate(request, recordingCall(0));
    expect(outcome.ok).toBe(false);
  }
}

describe('failed votes and peer health (unhealthyAfterFailures 2)', () => {
  it.each([
    ['too long for its context (400)', 400, 'context_length_exceeded'],
    ['too large (413)', 413, 'request_too_large'],
    ['busy (429)', 429, 'queue_full'],
  ])('a peer that refuses our request as %s twice stays healthy', async (_label, status, code) => {
    const { directory, failures, votesReceived } = await peerWhoseVotesGet({ status, code });
    await askTwice(directory);
    expect(votesReceived()).toBe(2);
    // Still reported (metrics count failed votes), but not held against the peer.
    expect(failures).toEqual([
      { nodeId: PEER, code: FederationErrorCode.HTTP },
      { nodeId: PEER, code: FederationErrorCode.HTTP },
    ]);
    expect(directory.list()).toEqual([expect.objectContaining({ node_id: PEER, status: 'healthy', failures: 0 })]);
    expect(directory.healthySources()).toHaveLength(1);
  });

  it('a request this node refuses to send (over the protocol limits) twice leaves the peer healthy', async () => {
    const { directory, failures, votesReceived } = await peerWhoseVotesGet({ status: 200, code: 'unused' });
    await askTwice(directory, { ...CHAT, maxTokens: 1_000_000 });
    expect(votesReceived()).toBe(0);
    expect(failures.map((failure) => failure.code)).toEqual([FederationErrorCode.INVALID_MESSAGE, FederationErrorCode.INVALID_MESSAGE]);
    expect(directory.counts()).toMatchObject({ healthy: 1, unhealthy: 0 });
  });

  it('a peer that answers 500 twice turns unhealthy and is no longer asked', async () => {
    const { directory, failures } = await peerWhoseVotesGet({ status: 500, code: 'engine_failed' });
    await askTwice(directory);
    expect(failures.map((failure) => failure.code)).toEqual([FederationErrorCode.HTTP, FederationErrorCode.HTTP]);
    expect(directory.list()).toEqual([expect.objectContaining({ node_id: PEER, status: 'unhealthy', failures: 2 })]);
    expect(directory.healthySources()).toEqual([]);
  });

  it('a peer that does not answer in time twice turns unhealthy', async () => {
    const { directory, failures } = await peerWhoseVotesGet('stall');
    await askTwice(directory);
    expect(failures.map((failure) => failure.code)).toEqual([FederationErrorCode.TIMEOUT, FederationErrorCode.TIMEOUT]);
    expect(directory.list()).toEqual([expect.objectContaining({ node_id: PEER, status: 'unhealthy', failures: 2 })]);
  });
});
