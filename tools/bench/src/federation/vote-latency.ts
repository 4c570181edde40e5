import { FEDERATION_PATHS } from '@local-swarm/federation-protocol';
import type { LanNode, NodeLan } from '@local-swarm/test-netns';
import { requestCompletion } from '../lan/request-completion';
import { LATENCY_CASES, type LatencyCase, type LatencySample } from './federation-samples';
import { completionBody, readVoteReply, voteRequestBody, type GenerationSpec } from './vote-request';

export interface PairOfNodes {
  readonly a: LanNode;
  readonly b: LanNode;
  readonly aId: string;
  readonly bId: string;
}

/**
 * `repetitions` rounds of the four latency cases with the same prompt, length and seed within a
 * round; the order of the cases rotates each round, so a slow spell of the machine does not land
 * on one case. One unmeasured round first warms both nodes.
 */
export async function measureVoteLatency(lan: NodeLan, nodes: PairOfNodes, spec: Omit<GenerationSpec, 'seed'>, repetitions: number): Promise<LatencySample[]> {
  for (const latencyCase of LATENCY_CASES) await askOnce(lan, nodes, { ...spec, seed: 999 }, latencyCase, -1);
  const samples: LatencySample[] = [];
  for (let repetition = 0; repetition < repetitions; repetition++) {
    const seed = 1000 + repetition;
    for (let index = 0; index < LATENCY_CASES.length; index++) {
      const latencyCase = LATENCY_CASES[(index + repetition) % LATENCY_CASES.length] ?? 'b-local';
      samples.push(await askOnce(lan, nodes, { ...spec, seed }, latencyCase, repetition));
    }
  }
  return samples;
}

async function askOnce(lan: NodeLan, nodes: PairOfNodes, spec: GenerationSpec, latencyCase: LatencyCase, repetition: number): Promise<LatencySample> {
  const { a, b, aId, bId } = nodes;
  if (latencyCase === 'b-vote') {
    const reply = await lan.request(a.host, 'POST', `${b.url}${FEDERATION_PATHS.vote}`, voteRequestBody(spec, aId, `bench-vote-${repetition}`)).catch(() => null);
    const vote = reply === null || reply.status !== 200 ? null : readVoteReply(reply.json<unknown>());
    const problem = reply === null ? 'no reply' : vote === null ? `HTTP ${reply.status}: ${reply.text.slice(0, 200)}` : vote.nodeId !== bId ? `answered by ${vote.nodeId}` : undefined;
    return {
      repetition,
      latencyCase,
      ms: reply?.elapsedMs ?? Number.NaN,
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
