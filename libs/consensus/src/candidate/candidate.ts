/**
 * One answer proposed for a request, by a local instance or a peer node.
 * Everything a strategy needs to judge it travels with it; strategies never look elsewhere.
 */
export type FinishReason =
  /** The model emitted an end-of-generation token or a stop sequence matched. */
  | 'stop'
  /** Cut off by `max_tokens`: the answer is incomplete. */
  | 'length'
  /** Generation was aborted (client left, deadline, or first_valid cancelled it). */
  | 'cancelled'
  /** The producer failed (engine error, peer error). */
  | 'error';

/** A tool call proposed by a candidate: which function, with which arguments (JSON text of an object). */
export interface CandidateToolCall {
  readonly name: string;
  readonly arguments: string;
}

/** One generated token with its log-probability, and the most likely alternatives when asked. */
export interface TokenLogprob {
  /** The token's text. */
  readonly token: string;
  /** Natural log of its probability (<= 0). */
  readonly logprob: number;
  /** UTF-8 bytes of the token's text (OpenAI's `bytes`). */
  readonly bytes: readonly number[];
  /** The most likely tokens at this position, most likely first (empty when none were asked for). */
  readonly top: readonly { readonly token: string; readonly logprob: number; readonly bytes: readonly number[] }[];
}

export interface Candidate {
  /** The generated text. */
  readonly text: string;
  /**
   * Mean token log-probability (natural log, <= 0). Higher is more confident.
   * `null` when the producer could not measure it (e.g. an OpenAI-compatible peer without logprobs).
   */
  readonly score: number | null;
  /** Who produced it: a node id for peers, e.g. "local" for this node's own instances. */
  readonly source: string;
  /** Index of this candidate among its source's candidates (0-based); with `source` it is a stable order key. */
  readonly sequence: number;
  /** Model id that produced it: a name, which two different files may share. */
  readonly model: string;
  /**
   * sha256 (hex) of the model file that produced it, when the producer knows it. Scores are
   * comparable only within one model file, so `best_of_n` compares a candidate's score only with
   * candidates of the same hash (and one without a hash only with others without one).
   */
  readonly modelHash?: string | undefined;
  /** How the generation ended. */
  readonly finishReason: FinishReason;
  /** Milliseconds from the request's start until this candidate was complete. */
  readonly latencyMs: number;
  /** Number of generated tokens, when known. */
  readonly completionTokens?: number;
  /**
   * The tool calls this candidate makes instead of (or besides) answering in text, in order;
   * undefined or empty: a text answer. Grouped by function name and canonical arguments.
   */
  readonly toolCalls?: readonly CandidateToolCall[] | undefined;
  /** Per-token log-probabilities of `text`, when the request asked for them; carried, never judged. */
  readonly logprobs?: readonly TokenLogprob[] | undefined;
}
