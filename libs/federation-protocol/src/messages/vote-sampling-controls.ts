/**
 * Sampling controls beyond temperature and top-p (swarm-core's `SamplingControls`), as OpenAI
 * names them.
 */
export interface VoteSamplingControls {
  /** -2..2. */
  readonly presencePenalty?: number;
  /** -2..2. */
  readonly frequencyPenalty?: number;
  /**
   * Token id -> bias in -100..100. Token ids belong to one model file: the origin sends this only
   * to peers whose model file is its own.
   */
  readonly logitBias?: Readonly<Record<number, number>>;
  /** Log-probabilities to return with each token: `top` alternatives per position (0..20). */
  readonly logprobs?: { readonly top: number };
}
