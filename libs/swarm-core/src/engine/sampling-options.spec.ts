import type { CandidateSampling } from './llama-engine';
import type { LlamaGrammar, LlamaModel, Token } from './llama-types';
import type { NodeLlamaCpp } from './node-llama-cpp';
import { evaluateOptionsFor, metadataFor } from './sampling-options';

/** Records what a TokenBias was set to, as node-llama-cpp's would hold it. */
class RecordingTokenBias {
  readonly biases = new Map<unknown, unknown>();
  set(token: unknown, bias: unknown): this {
    this.biases.set(token, bias);
    return this;
  }
}
class RecordingGrammarState {
  constructor(readonly options: unknown) {}
}
const lib = { TokenBias: RecordingTokenBias, LlamaGrammarEvaluationState: RecordingGrammarState } as unknown as NodeLlamaCpp;
const model = { tokenizer: () => [] } as unknown as LlamaModel;
const base: CandidateSampling = { maxTokens: 50, temperature: 0.7, topP: 0.9, seed: 3, stop: [] };

describe('evaluateOptionsFor', () => {
  it('passes temperature, top-p and seed, and nothing else without controls', () => {
    expect(evaluateOptionsFor(lib, model, base, undefined, () => [])).toEqual({ temperature: 0.7, topP: 0.9, seed: 3 });
  });

  it("maps OpenAI's penalties unchanged onto the penalties sampler, over the candidate's own tokens, repeat penalty off", () => {
    const generated: Token[] = [];
    const options = evaluateOptionsFor(lib, model, { ...base, controls: { presencePenalty: -0.5, frequencyPenalty: 2 } }, undefined, () => generated);
    expect(options.repeatPenalty).toMatchObject({ penalty: 1, presencePenalty: -0.5, frequencyPenalty: 2, maxPunishTokens: 50 });
    const punish = options.repeatPenalty?.punishTokens;
    generated.push(7 as Token);
    expect(typeof punish === 'function' ? punish() : punish).toEqual([7]);
  });

  it('adds logit biases as logits, and -100 as a ban', () => {
    const options = evaluateOptionsFor(lib, model, { ...base, controls: { logitBias: { 12: 5, 13: -100 } } }, undefined, () => []);
    const bias = options.tokenBias as unknown as RecordingTokenBias;
    expect([...bias.biases]).toEqual([
      [12, { logit: 5 }],
      [13, 'never'],
    ]);
  });

  it('gives the candidate its own grammar state', () => {
    const grammar = {} as LlamaGrammar;
    const options = evaluateOptionsFor(lib, model, base, grammar, () => []);
    expect(options.grammarEvaluationState).toEqual(new RecordingGrammarState({ model, grammar }));
  });
});

describe('metadataFor', () => {
  it('asks for the whole distribution only when logprobs are asked for', () => {
    expect(metadataFor(base)).toEqual({ confidence: true, probabilities: false });
    expect(metadataFor({ ...base, controls: { logprobs: { top: 0 } } })).toEqual({ confidence: true, probabilities: true });
  });
});
