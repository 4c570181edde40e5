/** One alternative token at a position, with its log-probability. */
export interface VoteTopLogprob {
  readonly token: string;
  /** Natural log of its probability (<= 0). */
  readonly logprob: number;
  /** UTF-8 bytes of the token's text. */
  readonly bytes: readonly number[];
}

/** One generated token of a vote, with the most likely alternatives (consensus' `TokenLogprob`). */
export interface VoteTokenLogprob extends VoteTopLogprob {
  /** Most likely first; empty when none were asked for. */
  readonly top: readonly VoteTopLogprob[];
}
