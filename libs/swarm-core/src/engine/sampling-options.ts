import type { SamplingControls } from '../generation/sampling-controls';
import type { CandidateSampling } from './llama-engine';
import type { LlamaGrammar, LlamaModel, SequenceEvaluateOptions, Token } from './llama-types';
import type { NodeLlamaCpp } from './node-llama-cpp';

/** One generated token as evaluateWithMetadata yields it with the metadata of {@link metadataFor}. */
export interface EvaluationStep {
  readonly token: Token;
  readonly confidence?: number;
  /** Every token's probability in the distribution sampled from, most likely first. */
  readonly probabilities?: Map<Token, number>;
}

/** OpenAI's logit bias that bans a token outright. */
const BAN_BIAS = -100;

/**
 * What evaluateWithMetadata reports per token: the chosen token's probability always (the
 * candidate's score), the whole distribution only when logprobs are asked for, since turning it
 * into a Map costs a pass over the vocabulary per token.
 */
export function metadataFor(sampling: CandidateSampling): { readonly confidence: true; readonly probabilities: boolean } {
  return { confidence: true, probabilities: sampling.controls?.logprobs !== undefined };
}

/**
 * The evaluate options of one candidate. Built once per candidate: each call to
 * evaluateWithMetadata keeps one native sampler for the whole generation, and `generated` is read
 * at every step so the penalties see the tokens sampled so far.
 */
export function evaluateOptionsFor(
  lib: NodeLlamaCpp,
  model: LlamaModel,
  sampling: CandidateSampling,
  grammar: LlamaGrammar | undefined,
  generated: () => Token[],
): SequenceEvaluateOptions {
  const controls = sampling.controls;
  return {
    temperature: sampling.temperature,
    topP: sampling.topP,
    seed: sampling.seed,
    ...(grammar !== undefined ? { grammarEvaluationState: new lib.LlamaGrammarEvaluationState({ model, grammar }) } : {}),
    ...(hasPenalty(controls) ? { repeatPenalty: repeatPenaltyFor(controls, sampling.maxTokens, generated) } : {}),
    ...(controls?.logitBias !== undefined && Object.keys(controls.logitBias).length > 0
      ? { tokenBias: tokenBiasFor(lib, model, controls.logitBias) }
      : {}),
  };
}

function hasPenalty(controls: SamplingControls | undefined): controls is SamplingControls {
  return (controls?.presencePenalty ?? 0) !== 0 || (controls?.frequencyPenalty ?? 0) !== 0;
}

/**
 * OpenAI's penalties, unchanged: llama.cpp's penalties sampler subtracts
 * `count * frequency_penalty + (count > 0) * presence_penalty` from the logit of every token
 * already generated, which is OpenAI's documented formula, so -2..2 means the same on both. The
 * multiplicative repeat penalty (node-llama-cpp's `penalty`, 1.1 by default) stays off (1), as
 * OpenAI has none. Only the candidate's own tokens count, not the prompt's, as with OpenAI; the
 * window is the whole generation (`maxTokens`), fixed so the native sampler is never rebuilt.
 */
function repeatPenaltyFor(
  controls: SamplingControls,
  maxTokens: number,
  generated: () => Token[],
): NonNullable<SequenceEvaluateOptions['repeatPenalty']> {
  return {
    punishTokens: generated,
    maxPunishTokens: maxTokens,
    penalty: 1,
    presencePenalty: controls.presencePenalty ?? 0,
    frequencyPenalty: controls.frequencyPenalty ?? 0,
  };
}

/**
 * OpenAI's logit bias: added to the token's logit; -100 bans it (as OpenAI documents, "should
 * result in a ban"). node-llama-cpp leaves end-of-generation tokens unbiased whatever is asked.
 */
function tokenBiasFor(lib: NodeLlamaCpp, model: LlamaModel, logitBias: Readonly<Record<number, number>>): NonNullable<SequenceEvaluateOptions['tokenBias']> {
  const bias = new lib.TokenBias(model.tokenizer);
  for (const [id, value] of Object.entries(logitBias)) {
    bias.set(Number(id) as Token, value <= BAN_BIAS ? 'never' : { logit: value });
  }
  return bias;
}
