import type { TokenLogprob } from '@local-swarm/consensus';

/**
 * Sampling controls beyond temperature and top-p, as OpenAI names them. Each is applied by the
 * engine; the API layer refuses what it cannot honour rather than ignoring it.
 */
export interface SamplingControls {
  /** -2..2: lowers the odds of any token already generated (once per token). */
  readonly presencePenalty?: number;
  /** -2..2: lowers the odds of a token by how often it was generated. */
  readonly frequencyPenalty?: number;
  /** Token id -> bias in -100..100, added to that token's logit (-100 bans it). */
  readonly logitBias?: Readonly<Record<number, number>>;
  /**
   * Log-probabilities to return with each token of the answer: `top` alternatives per position
   * (0..20; 0 = only the chosen token's). Undefined: none.
   */
  readonly logprobs?: { readonly top: number };
}

export type { TokenLogprob };
