import type { GenerationRequest } from '../generation/generation-request';
import { SwarmErrorCode } from '../errors/swarm-errors';
import type { CandidateSource, SourceOutcome } from '../sources/candidate-source';
import { runConsensus } from './consensus-runner';

const REQUEST: GenerationRequest = { prompt: { kind: 'text', text: 'capital of France?' }, maxTokens: 8, candidates: 2 };

function answering(id: string, promptTokens: number, tokensPerCandidate: readonly number[]): CandidateSource {
  return {
    id,
    generate: async (): Promise<SourceOutcome> => ({
      ok: true,
      candidates: tokensPerCandidate.map((completionTokens, sequence) => ({
        text: 'Paris',
        score: null,
        source: id,
        sequence,
        model: 'm',
        finishReason: 'stop',
        latencyMs: 1,
        completionTokens,
      })),
      usage: { promptTokens, completionTokens: tokensPerCandidate.reduce((sum, tokens) => sum + tokens, 0) },
    }),
  };
}

const failing: CandidateSource = {
  id: 'peer-down',
  generate: async (): Promise<SourceOutcome> => ({ ok: false, failure: { code: SwarmErrorCode.EngineFailed, message: 'gone' } }),
};

describe('runConsensus usage per source', () => {
  it('reports what each answering source spent, and nothing for a source that failed', async () => {
    const outcome = await runConsensus(REQUEST, [answering('local', 7, [3, 4]), answering('peer-a', 9, [5]), failing], {
      strategy: 'majority',
      signal: new AbortController().signal,
      earlyExit: false,
    });
    if (!outcome.ok) throw new Error('the run failed');
    expect(outcome.run.sources.map((source) => [source.id, source.usage])).toEqual([
      ['local', { promptTokens: 7, completionTokens: 7 }],
      ['peer-a', { promptTokens: 9, completionTokens: 5 }],
      ['peer-down', undefined],
    ]);
    expect(outcome.run.usage.completionTokens).toBe(12);
  });
});
