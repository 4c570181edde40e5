/**
 * A vote reply that would outgrow what a peer accepts (4 MiB) because of log-probabilities: the
 * serving node leaves alternatives and then logprobs out, never the answers, and says so.
 */
import { FEDERATION_PROTOCOL_VERSION, MAX_VOTE_REPLY_BYTES, type VoteResponseWire } from '@local-swarm/federation-protocol';
import type { TokenLogprob } from '@local-swarm/consensus';
import { FakeSwarm } from '../testing/fake-swarm';
import { createFederatedApp, type FederatedTestApp } from '../testing/federation-fixtures';

const TOKENS = 3000;
const alternatives = Array.from({ length: 20 }, (_, i) => ({ token: ` alternative-${i}`, logprob: -1 - i, bytes: [...Buffer.from(` alternative-${i}`)] }));
const logprobs: TokenLogprob[] = Array.from({ length: TOKENS }, () => ({ token: 'x', logprob: -0.1, bytes: [120], top: alternatives }));

let node: FederatedTestApp;
afterEach(async () => {
  await node.app.close();
});

it('fits a vote reply carrying logprobs of 3 long answers with 20 alternatives each into what a peer accepts', async () => {
  const text = 'x'.repeat(TOKENS);
  node = await createFederatedApp(new FakeSwarm({ contextSize: 8192, candidates: [0, 1, 2].map(() => ({ text, completionTokens: TOKENS, logprobs })) }));
  const body = {
    protocol: FEDERATION_PROTOCOL_VERSION,
    request_id: 'req-big',
    origin_node_id: 'node-origin',
    hops: 1,
    deadline_ms: 5000,
    prompt: { kind: 'text', text: 'Count:' },
    max_tokens: TOKENS,
    candidates: 3,
    controls: { logprobs: { top: 20 } },
  };
  const response = await node.fastify.inject({ method: 'POST', url: '/v1/federation/vote', payload: JSON.stringify(body), headers: { 'content-type': 'application/json' }, remoteAddress: '10.0.0.9' });
  expect(response.statusCode).toBe(200);
  expect(Buffer.byteLength(response.body)).toBeLessThanOrEqual(MAX_VOTE_REPLY_BYTES);
  const reply = response.json<VoteResponseWire>();
  expect(reply.votes.map((vote) => vote.text)).toEqual([text, text, text]);
  expect(reply.votes.every((vote) => (vote.logprobs ?? []).every((token) => token.top.length === 0))).toBe(true);
});
