import type { Candidate } from '@local-swarm/consensus';
import { SwarmErrorCode, type CandidateEmbedder, type CandidateSource, type EmbeddingOutcome, type GenerationRequest, type SourceOutcome } from '@local-swarm/swarm-core';
import { FederatedSwarm } from './federated-swarm';

const REQUEST: GenerationRequest = { prompt: { kind: 'text', text: 'capital of France?' }, maxTokens: 4, candidates: 2 };

function localSource(texts: readonly string[]): CandidateSource & { load: { busyInstances: number; queuedRequests: number; capacity: number } } {
  return {
    id: 'local',
    load: { busyInstances: 0, queuedRequests: 0, capacity: 1 },
    async generate(): Promise<SourceOutcome> {
      const candidates = texts.map((text, sequence): Candidate => ({ text, score: -0.5, source: 'local', sequence, model: 'm', finishReason: 'stop', latencyMs: 1 }));
      return { ok: true, candidates, usage: { promptTokens: 3, completionTokens: candidates.length } };
    },
  };
}

describe('FederatedSwarm grouping', () => {
  it('hands its semantic grouping to every vote: the candidates are embedded before the verdict', async () => {
    const embedded: (readonly string[])[] = [];
    const embedder: CandidateEmbedder = {
      embed: async (inputs): Promise<EmbeddingOutcome> => {
        embedded.push(inputs);
        return { ok: false, failure: { code: SwarmErrorCode.EngineFailed, message: 'no model' } };
      },
    };
    const swarm = new FederatedSwarm(localSource(['Paris', 'It is Paris.']), undefined, {}, { semantic: { embedder, threshold: 0.9 } });
    const result = await swarm.generateWithFederation(REQUEST, { strategy: 'majority', mode: 'vote', signal: new AbortController().signal });
    expect(embedded).toEqual([['Paris', 'It is Paris.']]);
    expect(result.ok && result.run.verdict.notes).toContain('semantic grouping skipped: no model');
  });
});
