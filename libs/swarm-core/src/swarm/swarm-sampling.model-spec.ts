import type { Candidate } from '@local-swarm/consensus';
import { existsSync } from 'node:fs';
import type { GenerationRequest, Prompt } from '../generation/generation-request';
import { defaultModelPath } from '../model/default-model';
import type { SourceOutcome } from '../sources/candidate-source';
import { SwarmWorkerClient } from '../testing/swarm-worker-client';

/** " Paris" in the default model's vocabulary (SmolLM2's byte-level BPE writes it "ĠParis"). */
const PARIS_TOKEN = 7042;
const INSTANCES = 3;
const chat = (content: string): Prompt => ({ kind: 'chat', messages: [{ role: 'user', content }] });

let worker: SwarmWorkerClient;

const candidatesOf = async (request: GenerationRequest): Promise<readonly Candidate[]> => {
  const outcome = await worker.call<SourceOutcome>('generate', { request });
  if (!outcome.ok) throw new Error(outcome.failure.message);
  return outcome.candidates;
};

const tokensOf = (candidate: Candidate | undefined): string[] => (candidate?.logprobs ?? []).map((entry) => entry.token);

/** Tokens that repeat one generated earlier: what a frequency penalty is there to lower. */
const repeatedTokens = (candidate: Candidate | undefined): number => {
  const tokens = tokensOf(candidate);
  return tokens.length - new Set(tokens).size;
};

beforeAll(async () => {
  if (!existsSync(defaultModelPath())) throw new Error(`run the model fetcher first: ${defaultModelPath()} is missing`);
  worker = SwarmWorkerClient.spawn();
  await worker.call('start', { instances: INSTANCES, contextSize: 512, maxQueue: 1 });
});

afterAll(async () => {
  await worker.close();
});

describe('structured outputs, sampling controls and logprobs on the real default model', () => {
  it('constrains every candidate to a JSON schema, ending the answer when the value is complete', async () => {
    const schema = { type: 'object', properties: { city: { type: 'string' }, population: { type: 'integer' } }, required: ['city', 'population'] };
    const candidates = await candidatesOf({
      prompt: chat('Give the largest city of France and its population as JSON.'),
      maxTokens: 80,
      candidates: INSTANCES,
      seed: 5,
      format: { kind: 'json_schema', name: 'city', schema, strict: true },
    });
    for (const candidate of candidates) {
      expect(candidate.finishReason).toBe('stop');
      const value = JSON.parse(candidate.text) as Record<string, unknown>;
      expect(Object.keys(value).sort()).toEqual(['city', 'population']);
      expect(typeof value.city).toBe('string');
      expect(Number.isInteger(value.population)).toBe(true);
    }
  });

  it('logit_bias +100 makes a token appear, -100 bans one that greedy decoding picks', async () => {
    const colour: GenerationRequest = { prompt: chat('Name a colour.'), maxTokens: 8, candidates: 1, temperature: 0, controls: { logprobs: { top: 0 } } };
    expect(tokensOf((await candidatesOf(colour))[0])).not.toContain(' Paris');
    const [forced] = await candidatesOf({ ...colour, controls: { logprobs: { top: 0 }, logitBias: { [PARIS_TOKEN]: 100 } } });
    expect(tokensOf(forced)).toContain(' Paris');

    const capital: GenerationRequest = { prompt: chat('What is the capital of France?'), maxTokens: 16, candidates: 1, temperature: 0, controls: { logprobs: { top: 0 } } };
    expect(tokensOf((await candidatesOf(capital))[0])).toContain(' Paris');
    const [banned] = await candidatesOf({ ...capital, controls: { logprobs: { top: 0 }, logitBias: { [PARIS_TOKEN]: -100 } } });
    expect(tokensOf(banned)).not.toContain(' Paris');
  });

  it('a frequency penalty of 2 reduces the repetition of a greedy generation that repeats', async () => {
    const looping: GenerationRequest = {
      prompt: { kind: 'text', text: 'I like apples. I like apples. I like' },
      maxTokens: 40,
      candidates: 1,
      temperature: 0,
      controls: { logprobs: { top: 0 } },
    };
    const free = repeatedTokens((await candidatesOf(looping))[0]);
    const penalized = repeatedTokens((await candidatesOf({ ...looping, controls: { frequencyPenalty: 2, logprobs: { top: 0 } } }))[0]);
    expect(free).toBeGreaterThan(20);
    expect(penalized).toBeLessThan(free / 2);
  });

  it.each([
    ['one candidate', 1],
    ['lock-step batched candidates', INSTANCES],
  ])('returns top-5 logprobs for every token (%s), consistent with the text and the score', async (_name, candidates) => {
    const answers = await candidatesOf({ prompt: chat('Name a colour of the sky.'), maxTokens: 12, candidates, temperature: 0, controls: { logprobs: { top: 5 } } });
    expect(answers).toHaveLength(candidates);
    for (const answer of answers) {
      const logprobs = answer.logprobs ?? [];
      expect(logprobs).toHaveLength(answer.completionTokens ?? -1);
      expect(logprobs.map((entry) => entry.token).join('')).toBe(answer.text);
      for (const entry of logprobs) {
        expect(entry.logprob).toBeLessThanOrEqual(0);
        expect(entry.bytes).toEqual([...Buffer.from(entry.token, 'utf8')]);
        expect(entry.top).toHaveLength(5);
        const alternatives = entry.top.map((alternative) => alternative.logprob);
        expect(alternatives).toEqual([...alternatives].sort((a, b) => b - a));
        // Greedy decoding picks the most likely token.
        expect(entry.top[0]).toMatchObject({ token: entry.token, logprob: entry.logprob });
      }
      const mean = logprobs.reduce((sum, entry) => sum + entry.logprob, 0) / logprobs.length;
      expect(answer.score).toBeCloseTo(mean, 10);
    }
  });
});
