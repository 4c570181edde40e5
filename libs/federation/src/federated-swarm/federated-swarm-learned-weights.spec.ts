import type { Candidate, Verdict } from '@local-swarm/consensus';
import type { CandidateSource, GenerationRequest, SourceOutcome } from '@local-swarm/swarm-core';
import type { SourceWeightLearning } from '../learned-weights/source-weight-learning';
import { FederatedSwarm, type GenerateWithFederationOptions } from './federated-swarm';
import type { RemotePeers } from './remote-peers';

const REQUEST: GenerationRequest = { prompt: { kind: 'text', text: 'pick a letter' }, maxTokens: 4, candidates: 1 };

function source(id: string, text: string): CandidateSource {
  return {
    id,
    async generate(): Promise<SourceOutcome> {
      const candidates: Candidate[] = [{ text, score: -0.5, source: id, sequence: 0, model: 'm', finishReason: 'stop', latencyMs: 1 }];
      return { ok: true, candidates, usage: { promptTokens: 1, completionTokens: 1 } };
    },
  };
}

/** local and p1 say A, p2 and p3 say B: equal weights tie 2 to 2. */
const local = { ...source('local', 'A'), load: { busyInstances: 0, queuedRequests: 0, capacity: 1 } };
const peers: RemotePeers = {
  healthySources: () => [source('p1', 'A'), source('p2', 'B'), source('p3', 'B')].map((peer) => ({ nodeId: peer.id, source: peer, load: null, inFlight: () => 0 })),
};

/** Learned weights that halve p2 and p3, remembering what it was asked and taught. */
function fakeLearning(): SourceWeightLearning & { asked: [readonly string[], Readonly<Record<string, number>> | undefined][]; recorded: Verdict[] } {
  const asked: [readonly string[], Readonly<Record<string, number>> | undefined][] = [];
  const recorded: Verdict[] = [];
  return {
    asked,
    recorded,
    weightsFor: (sources, fallback) => {
      asked.push([sources, fallback]);
      return Object.fromEntries(sources.map((id) => [id, id === 'p2' || id === 'p3' ? 0.5 : 1]));
    },
    record: (verdict) => void recorded.push(verdict),
  };
}

async function groupWeights(learned: SourceWeightLearning, options: Partial<GenerateWithFederationOptions>): Promise<number[]> {
  const swarm = new FederatedSwarm(local, peers, { sourceWeights: { p2: 7 }, learned });
  const outcome = await swarm.generateWithFederation(REQUEST, { strategy: 'weighted_vote', mode: 'vote', signal: new AbortController().signal, earlyExit: false, ...options });
  if (!outcome.ok) throw new Error(outcome.failure.message);
  return outcome.run.verdict.groups.map((group) => group.weight);
}

describe('FederatedSwarm learned weights', () => {
  it('weighs a weights: auto vote by the learned weights, the configured ones as their fallback', async () => {
    const learned = fakeLearning();
    expect(await groupWeights(learned, { weights: 'auto' })).toEqual([2, 1]);
    expect(learned.asked).toEqual([[['local', 'p1', 'p2', 'p3'], { p2: 7 }]]);
  });

  it('keeps the configured weights otherwise', async () => {
    const learned = fakeLearning();
    // p2's 7 is clamped just under the other sources' sum (3), as any dominant source is.
    expect(await groupWeights(learned, {})).toEqual([expect.closeTo(4, 2), 2]);
    expect(learned.asked).toEqual([]);
  });

  it('learns from every weighted_vote verdict, auto or not, and from no other strategy', async () => {
    const learned = fakeLearning();
    await groupWeights(learned, {});
    await groupWeights(learned, { weights: 'auto' });
    expect(learned.recorded.map((verdict) => verdict.strategy)).toEqual(['weighted_vote', 'weighted_vote']);
    await groupWeights(learned, { strategy: 'majority' });
    expect(learned.recorded).toHaveLength(2);
  });
});
