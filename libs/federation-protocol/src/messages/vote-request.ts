import type { PeerId } from '../ids/peer-id';
import type { VoteOutputFormat } from './vote-output-format';
import type { VoteSamplingControls } from './vote-sampling-controls';
import type { VoteToolRequest } from './vote-tool-request';

/** Roles of a chat prompt (the same as swarm-core's `ChatRole`). */
export type VoteChatRole = 'system' | 'user' | 'assistant' | 'tool';

/** A tool call an assistant turn made (swarm-core's `ToolCall`): arguments are JSON text. */
export interface VoteToolCall {
  readonly id: string;
  readonly name: string;
  readonly arguments: string;
}

export interface VoteChatMessage {
  readonly role: VoteChatRole;
  readonly content: string;
  /** assistant only: the calls it made. */
  readonly toolCalls?: readonly VoteToolCall[];
  /** tool only: the id of the call this result answers. */
  readonly toolCallId?: string;
}

/** A prompt: a chat (the peer applies its model's chat template) or raw text. Mirrors swarm-core's `Prompt`. */
export type VotePrompt =
  | { readonly kind: 'chat'; readonly messages: readonly VoteChatMessage[] }
  | { readonly kind: 'text'; readonly text: string };

/**
 * A request for votes, as the origin builds it (camelCase, no wire details). The client adds
 * `protocol` and `deadline_ms` when it sends it. Fields mirror swarm-core's `GenerationRequest`.
 */
export interface VoteRequest {
  /** Correlates logs of the origin and the peers (the origin's request id), at most 128 chars. */
  readonly requestId: string;
  /** Node id of the node that received the user's request. */
  readonly originNodeId: PeerId;
  /** Hops this request has made; the origin sends 1 (the default). See MAX_VOTE_HOPS. */
  readonly hops?: number;
  readonly prompt: VotePrompt;
  readonly maxTokens: number;
  /** Undefined: the peer's default sampling. */
  readonly temperature?: number;
  readonly topP?: number;
  /** Base seed; the peer's candidate i samples with seed + i. */
  readonly seed?: number;
  readonly stop?: readonly string[];
  /** Constrain output to a JSON value. */
  readonly json?: boolean;
  /** Constrain output to a JSON Schema (takes the place of `json`). */
  readonly format?: VoteOutputFormat;
  /** Tools the model may call; undefined: none. */
  readonly tools?: VoteToolRequest;
  /** Penalties, token biases and log-probabilities asked for; undefined: none. */
  readonly controls?: VoteSamplingControls;
  /** How many candidates the peer should produce; undefined: as many as it has idle instances. */
  readonly candidates?: number;
}

/** A vote request as a peer received and validated it (what `parseVoteRequest` returns). */
export interface ReceivedVoteRequest extends VoteRequest {
  readonly protocol: number;
  readonly hops: number;
  /** Milliseconds the origin waits for the reply, counted from when it sent the request. */
  readonly deadlineMs: number;
}
