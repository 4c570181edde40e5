import type { Candidate, RankedCandidate, Verdict } from '@local-swarm/consensus';
import type { ConsensusRun } from '@local-swarm/swarm-core';
import { Registry } from 'prom-client';
import { registerTokenMetrics } from './token-metrics';

function ranked(source: string, sequence: number, completionTokens: number, index: number): RankedCandidate {
  const candidate: Candidate = { text: `${source} ${sequence}`, score: null, source, sequence, model: 'm', finishReason: 'stop', latencyMs: 1, completionTokens };
  return { index, candidate, groupKey: candidate.text, weight: 1 };
}

/** A vote over this node, "ls-self" (3 + 4 tokens), and two peers (5, then 6 tokens), ranked peer-a's first. */
function federatedRun(): ConsensusRun {
  const ranking = [ranked('peer-a', 0, 5, 2), ranked('ls-self', 0, 3, 0), ranked('ls-self', 1, 4, 1), ranked('peer-b', 0, 6, 3)];
  return {
    candidates: ranking.map((entry) => entry.candidate),
    verdict: { ranking } as Pick<Verdict, 'ranking'> as Verdict,
    usage: { promptTokens: 10, completionTokens: 18 },
    sources: [
      { id: 'ls-self', ok: true, candidates: 2, usage: { promptTokens: 10, completionTokens: 7 } },
      { id: 'peer-a', ok: true, candidates: 1, usage: { promptTokens: 11, completionTokens: 5 } },
      { id: 'peer-b', ok: true, candidates: 1, usage: { promptTokens: 11, completionTokens: 6 } },
      { id: 'peer-c', ok: false, candidates: 0 },
    ],
    cancelledEarly: false,
    earlyStop: null,
  };
}

async function counterValues(registry: Registry, name: string): Promise<Record<string, number>> {
  const metric = registry.getSingleMetric(name);
  if (metric === undefined) throw new Error(`no metric ${name}`);
  const { values } = await metric.get();
  return Object.fromEntries(values.map((value) => [String(value.labels['source'] ?? ''), value.value]));
}

describe('registerTokenMetrics', () => {
  it('counts generated tokens by source kind (local / peer) and the returned choices apart', async () => {
    const registry = new Registry();
    const record = registerTokenMetrics(registry, 'ls-self');
    expect(await counterValues(registry, 'local_swarm_generated_tokens_total')).toEqual({ local: 0, peer: 0 });
    record(federatedRun(), 1);
    record(federatedRun(), 2);
    expect(await counterValues(registry, 'local_swarm_generated_tokens_total')).toEqual({ local: 2 * 7, peer: 2 * 11 });
    // n = 1 returned peer-a's 5 tokens; n = 2 added the local candidate's 3.
    expect(await counterValues(registry, 'local_swarm_returned_tokens_total')).toEqual({ '': 5 + (5 + 3) });
  });
});
