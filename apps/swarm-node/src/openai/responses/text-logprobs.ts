import type { TokenLogprob } from '@local-swarm/consensus';

/** OpenAI's legacy /v1/completions `logprobs`. */
export interface TextLogprobs {
  readonly tokens: readonly string[];
  readonly token_logprobs: readonly number[];
  /** Per token, its alternatives as token -> log-probability. */
  readonly top_logprobs: readonly Readonly<Record<string, number>>[];
  /** Where each token starts in the text, counted in characters from `firstOffset`. */
  readonly text_offset: readonly number[];
}

/**
 * Per-token log-probabilities in the legacy completions shape. Offsets count from `firstOffset`:
 * OpenAI counts them from the start of the prompt, so the first generated token is at the
 * prompt's length.
 */
export function textLogprobsOf(logprobs: readonly TokenLogprob[] | undefined, firstOffset: number): TextLogprobs {
  const entries = logprobs ?? [];
  const offsets: number[] = [];
  let offset = firstOffset;
  for (const entry of entries) {
    offsets.push(offset);
    offset += entry.token.length;
  }
  return {
    tokens: entries.map((entry) => entry.token),
    token_logprobs: entries.map((entry) => entry.logprob),
    top_logprobs: entries.map((entry) => Object.fromEntries(entry.top.map((top) => [top.token, top.logprob]))),
    text_offset: offsets,
  };
}
