/**
 * What a caller must know of the model's vocabulary to check token ids it is given (OpenAI's
 * `logit_bias`) before they reach the sampler.
 */
export interface TokenVocabulary {
  /** Token ids are 0..size-1. */
  readonly size: number;
  /** Whether the token ends generation: llama.cpp leaves such tokens unbiased whatever is asked. */
  isEndOfGeneration(token: number): boolean;
}
