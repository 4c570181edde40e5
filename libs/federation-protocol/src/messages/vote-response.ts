import type { ModelId, PeerId } from '../ids/peer-id';
import type { VoteTokenLogprob } from './vote-token-logprob';

/** How a vote's generation ended (the same values as consensus' `FinishReason`). */
export type VoteFinishReason = 'stop' | 'length' | 'cancelled' | 'error';

/** A call a vote proposes: the function's name and its arguments (JSON text of an object). */
export interface VoteToolCallProposal {
  readonly name: string;
  readonly arguments: string;
}

/** One candidate answer from a peer; maps 1:1 onto a consensus `Candidate`. */
export interface PeerVote {
  readonly text: string;
  /** Mean token log-probability (<= 0), null when the peer could not measure it. */
  readonly score: number | null;
  readonly finishReason: VoteFinishReason;
  readonly completionTokens: number;
  /** Milliseconds from the peer receiving the request until this vote was complete. */
  readonly latencyMs: number;
  /** Node that generated it (normally the peer that answered). */
  readonly nodeId: PeerId;
  readonly modelId: ModelId;
  /** Index of this vote among the peer's votes for the request (0-based). */
  readonly sequence: number;
  /** The calls this vote makes, in order; absent: a text answer. */
  readonly toolCalls?: readonly VoteToolCallProposal[];
  /** Per-token log-probabilities of `text`, when the request asked for them. */
  readonly logprobs?: readonly VoteTokenLogprob[];
}

export interface VoteUsage {
  readonly promptTokens: number;
  /** Tokens generated over all votes. */
  readonly completionTokens: number;
}

/** A peer's answer to a vote request. */
export interface VoteResponse {
  readonly protocol: number;
  readonly nodeId: PeerId;
  readonly modelId: ModelId;
  readonly votes: readonly PeerVote[];
  readonly usage: VoteUsage;
}
