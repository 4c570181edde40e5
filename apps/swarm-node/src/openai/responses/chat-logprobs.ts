import type { TokenLogprob } from '@local-swarm/consensus';

/** One token of OpenAI's chat `logprobs.content`. */
export interface ChatTokenLogprob {
  readonly token: string;
  readonly logprob: number;
  readonly bytes: readonly number[];
  readonly top_logprobs: readonly { readonly token: string; readonly logprob: number; readonly bytes: readonly number[] }[];
}

export interface ChatLogprobs {
  readonly content: readonly ChatTokenLogprob[];
  readonly refusal: null;
}

/** A candidate's per-token log-probabilities in OpenAI's chat shape (empty when its source sent none). */
export function chatLogprobsOf(logprobs: readonly TokenLogprob[] | undefined): ChatLogprobs {
  return {
    content: (logprobs ?? []).map((entry) => ({
      token: entry.token,
      logprob: entry.logprob,
      bytes: entry.bytes,
      top_logprobs: entry.top.map((top) => ({ token: top.token, logprob: top.logprob, bytes: top.bytes })),
    })),
    refusal: null,
  };
}
