import { FEDERATION_PATHS, SEAL_PROTOCOL_VERSION } from '@local-swarm/federation-protocol';
import { requestCompletion } from '../lan/request-completion';
import { LATENCY_CASES, type FederationMode, type LatencyCase, type LatencySample } from './federation-samples';
import type { FederationPair } from './federation-pair';
import { sendSealed } from './sealed-request';
import { completionBody, readVoteReply, voteRequestBody, type GenerationSpec } from './vote-request';

/** Request ids of the votes the benchmark asks B for itself; A's own carry A's ids. */
export const BENCH_VOTE_PREFIX = 'bench-vote-';

/**
 * `repetitions` rounds of the four latency cases on every pair, with the same prompt, length and
 * seed within a round. Pairs are interleaved case by case (a sealed peer vote, then the open one
 * or the other way round), and the order of the cases and of the pairs rotates each round, so a
 * slow spell of the machine does not land on one case or one mode. One unmeasured round first
 * warms every node.
 */
export async function measureVoteLatency(
  pairs: readonly FederationPair[],
  spec: Omit<GenerationSpec, 'seed'>,
  repetitions: number,
): Promise<{ mode: FederationMode; samples: LatencySample[]; measuredFrom: number }[]> {
  const results = pairs.map((pair) => ({ pair, mode: pair.mode, samples: [] as LatencySample[] }));
  for (const latencyCase of LATENCY_CASES) for (const { pair } of results) await askOnce(pair, { ...spec, seed: 999 }, latencyCase, -1);
  // The warm-up round's votes are left out of the serving phases too.
  const measuredFrom = Date.now();
  for (let repetition = 0; repetition < repetitions; repetition++) {
    const seed = 1000 + repetition;
    for (let index = 0; index < LATENCY_CASES.length; index++) {
      const latencyCase = LATENCY_CASES[(index + repetition) % LATENCY_CASES.length] ?? 'b-local';
      for (let turn = 0; turn < results.length; turn++) {
        const result = results[(turn + repetition) % results.length];
        result?.samples.push(await askOnce(result.pair, { ...spec, seed }, latencyCase, repetition));
      }
    }
  }
  return results.map(({ mode, samples }) => ({ mode, samples, measuredFrom }));
}

async function askOnce(pair: FederationPair, spec: GenerationSpec, latencyCase: LatencyCase, repetition: number): Promise<LatencySample> {
  const { lan, a, b, aId, bId } = pair;
  if (latencyCase === 'b-vote') {
    const reply = await askPeerVote(pair, spec, `${BENCH_VOTE_PREFIX}${repetition}`).catch((error: unknown) => ({ ms: Number.NaN, body: null, problem: `no reply: ${String(error)}` }));
    const vote = reply.body === null ? null : readVoteReply(reply.body);
    const problem = reply.problem ?? (vote === null ? 'not a vote reply' : vote.nodeId !== bId ? `answered by ${vote.nodeId}` : undefined);
    return {
      repetition,
      latencyCase,
      ms: reply.ms,
      tokens: vote?.completionTokens ?? 0,
      valid: problem === undefined,
      ...(problem !== undefined ? { problem } : {}),
    };
  }
  // Balance mode keeps an idle pair's request on the node asked (ties go to the local node).
  const target = latencyCase === 'b-local' ? b : a;
  const headers: Record<string, string> = latencyCase === 'a-vote' ? { 'x-swarm-mode': 'vote' } : { 'x-swarm-mode': 'balance' };
  const expected = latencyCase === 'b-local' ? [bId] : latencyCase === 'a-alone' ? [aId] : [aId, bId];
  const outcome = await requestCompletion(lan, a.host, `${target.url}/v1/completions`, completionBody(spec), headers);
  const answeredBy = [...outcome.answeredBy].sort();
  const problem =
    outcome.error !== undefined ? outcome.error : answeredBy.join(',') !== [...expected].sort().join(',') ? `answered by ${answeredBy.join('+') || 'nobody'}, expected ${expected.join('+')}` : undefined;
  return {
    repetition,
    latencyCase,
    ms: outcome.elapsedMs,
    tokens: outcome.completionTokens,
    valid: problem === undefined,
    ...(problem !== undefined ? { problem } : {}),
  };
}

/**
 * Asks B for a vote from A's namespace as a peer would: open, a plain vote in A's name; sealed,
 * a vote sealed by the benchmark's own member identity (a vote must come from the node that seals
 * it), whose reply is opened here and must be signed by B.
 */
async function askPeerVote(pair: FederationPair, spec: GenerationSpec, requestId: string): Promise<{ ms: number; body: unknown; problem?: string }> {
  const { lan, a, b, aId, bId, asker } = pair;
  const url = `${b.url}${FEDERATION_PATHS.vote}`;
  if (asker === null) {
    const reply = await lan.request(a.host, 'POST', url, voteRequestBody(spec, aId, requestId));
    if (reply.status !== 200) return { ms: reply.elapsedMs, body: null, problem: `HTTP ${reply.status}: ${reply.text.slice(0, 200)}` };
    return { ms: reply.elapsedMs, body: reply.json<unknown>() };
  }
  const body = voteRequestBody(spec, asker.identity.nodeId, requestId, { protocol: SEAL_PROTOCOL_VERSION });
  const reply = await sendSealed(lan, a.host, asker, { url, purpose: 'vote-request', replyPurpose: 'vote-reply', body });
  const problem = reply.problem ?? (reply.senderId !== bId ? `reply sealed by ${reply.senderId ?? 'nobody'}, not ${bId}` : undefined);
  return { ms: reply.elapsedMs, body: reply.body, ...(problem !== undefined ? { problem } : {}) };
}
