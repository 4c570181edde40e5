import type { Candidate, JudgeReply } from '@local-swarm/consensus';
import { runConsensus } from '../consensus-runner/consensus-runner';
import { SwarmErrorCode } from '../errors/swarm-errors';
import type { GenerationRequest } from '../generation/generation-request';
import type { CandidateSource, SourceOutcome } from '../sources/candidate-source';
import type { JudgeCall, JudgeModel } from './judge-model';
import { sourceJudgeModel } from './source-judge-model';

const REQUEST: GenerationRequest = {
  prompt: { kind: 'chat', messages: [{ role: 'user', content: 'What is the capital of France?' }] },
  maxTokens: 32,
  candidates: 3,
};

function answer(text: string, sequence: number, source = 'local'): Candidate {
  return { text, score: null, source, sequence, model: 'm', finishReason: 'stop', latencyMs: 1, completionTokens: 2 };
}

function answering(texts: readonly string[]): CandidateSource {
  return {
    id: 'local',
    expectedCandidates: () => texts.length,
    generate: async (_request, call): Promise<SourceOutcome> => {
      const candidates = texts.map((text, sequence) => answer(text, sequence));
      candidates.forEach((candidate) => call.onCandidate?.(candidate));
      return { ok: true, candidates, usage: { promptTokens: 5, completionTokens: 2 * texts.length } };
    },
  };
}

/** A judge that records what it was asked and answers with a fixed reply. */
function fakeJudge(reply: (prompt: string) => JudgeReply): JudgeModel & { readonly asked: { prompt: string; call: JudgeCall }[] } {
  const asked: { prompt: string; call: JudgeCall }[] = [];
  return {
    id: 'judge',
    asked,
    judge: async (prompt, call) => {
      asked.push({ prompt, call });
      return reply(prompt);
    },
  };
}

const says = (text: string): JudgeReply => ({ ok: true, reply: { ...answer(text, 0, 'judge'), completionTokens: 11 } });

async function run(texts: readonly string[], strategy: 'judge' | 'judge_merge', judge?: JudgeModel) {
  const outcome = await runConsensus(REQUEST, [answering(texts)], { strategy, signal: new AbortController().signal, ...(judge ? { judge } : {}) });
  if (!outcome.ok) throw new Error('the run failed');
  return outcome.run;
}

describe('runConsensus with a judge', () => {
  it('asks the judge once with the question and the numbered groups, and the named one wins', async () => {
    const judge = fakeJudge(() => says('The most consistent response is Response 2'));
    const result = await run(['Paris', 'Paris', 'Lyon'], 'judge', judge);
    expect(judge.asked).toHaveLength(1);
    expect(judge.asked[0]?.prompt).toContain('What is the capital of France?');
    expect(judge.asked[0]?.prompt).toContain('<response 2>\nLyon\n</response 2>');
    expect(judge.asked[0]?.call.maxTokens).toBe(48);
    expect(result.verdict.winner?.candidate.text).toBe('Lyon');
    expect(result.verdict.strategy).toBe('judge');
    expect(result.verdict.judge).toMatchObject({ source: 'judge', choice: 2, groupsShown: 2, replyTokens: 11 });
    expect(result.usage.completionTokens).toBe(6 + 11);
    expect(result.cancelledEarly).toBe(false);
  });

  it('one answer group: the judge is not asked', async () => {
    const judge = fakeJudge(() => says('Response 1'));
    const result = await run(['Paris', 'Paris', 'Paris'], 'judge', judge);
    expect(judge.asked).toHaveLength(0);
    expect(result.verdict.notes).toContain('one answer group: no judge needed');
  });

  it("an unparseable reply: majority's answer, and the note says so", async () => {
    const result = await run(['Paris', 'Paris', 'Lyon'], 'judge', fakeJudge(() => says('They are all French cities.')));
    expect(result.verdict.winner?.candidate.text).toBe('Paris');
    expect(result.verdict.notes).toContain('judge reply unparseable: fell back to majority');
  });

  it('judge_merge: the judge writes the answer with the request\'s max_tokens, appended to the candidates', async () => {
    const judge = fakeJudge(() => says('Paris is the capital of France.'));
    const result = await run(['Paris', 'Paris', 'Lyon'], 'judge_merge', judge);
    expect(judge.asked[0]?.call.maxTokens).toBe(REQUEST.maxTokens);
    expect(result.candidates).toHaveLength(4);
    expect(result.verdict.winner).toMatchObject({ index: 3, candidate: { text: 'Paris is the capital of France.', source: 'judge' } });
  });

  it('no judge model: majority, saying so', async () => {
    const result = await run(['Paris', 'Paris', 'Lyon'], 'judge');
    expect(result.verdict.winner?.candidate.text).toBe('Paris');
    expect(result.verdict.notes).toContain('no judge model to ask: fell back to majority');
  });
});

describe('sourceJudgeModel', () => {
  it('asks its source for one greedy candidate over the prompt as a user turn', async () => {
    const requests: GenerationRequest[] = [];
    const source: CandidateSource = {
      id: 'local',
      generate: async (request): Promise<SourceOutcome> => {
        requests.push(request);
        return { ok: true, candidates: [answer('Response 1', 0)], usage: { promptTokens: 1, completionTokens: 1 } };
      },
    };
    const reply = await sourceJudgeModel(source).judge('the prompt', { maxTokens: 48, signal: new AbortController().signal });
    expect(reply).toMatchObject({ ok: true, reply: { text: 'Response 1' } });
    expect(requests[0]).toMatchObject({ temperature: 0, candidates: 1, maxTokens: 48, prompt: { kind: 'chat', messages: [{ role: 'user', content: 'the prompt' }] } });
  });

  it('a judge that does not answer in time is a failed reply, not a hang', async () => {
    const source: CandidateSource = {
      id: 'slow-peer',
      generate: (_request, call) =>
        new Promise<SourceOutcome>((resolve) => {
          call.signal.addEventListener('abort', () => resolve({ ok: true, candidates: [{ ...answer('', 0), finishReason: 'cancelled' }], usage: { promptTokens: 1, completionTokens: 0 } }));
        }),
    };
    const reply = await sourceJudgeModel(source, 20).judge('p', { maxTokens: 48, signal: new AbortController().signal });
    expect(reply).toEqual({ ok: false, reason: 'timed out after 20 ms' });
  });

  it('a source failure is a failed reply with its message', async () => {
    const source: CandidateSource = {
      id: 'local',
      generate: async (): Promise<SourceOutcome> => ({ ok: false, failure: { code: SwarmErrorCode.QueueFull, message: 'queue full' } }),
    };
    expect(await sourceJudgeModel(source).judge('p', { maxTokens: 48, signal: new AbortController().signal })).toEqual({ ok: false, reason: 'queue full' });
  });
});
