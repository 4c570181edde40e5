import type { ToolCall, ToolRequest } from './tool-request';
import type { OutputFormat } from './output-format';
import type { SamplingControls } from './sampling-controls';

/**
 * Roles a chat prompt may use. OpenAI's "developer" role is folded into "system" by the API
 * layer; "tool" carries the result of a tool call back to the model.
 */
export type ChatRole = 'system' | 'user' | 'assistant' | 'tool';

export interface ChatMessage {
  readonly role: ChatRole;
  /** The text; empty for an assistant turn that only called tools. */
  readonly content: string;
  /** assistant only: the tool calls this turn made (OpenAI's `tool_calls`). */
  readonly toolCalls?: readonly ToolCall[];
  /** tool only: the id of the call this message answers (OpenAI's `tool_call_id`). */
  readonly toolCallId?: string;
}

/** A prompt is either a chat (formatted by the model's own chat template) or raw text. */
export type Prompt =
  | { readonly kind: 'chat'; readonly messages: readonly ChatMessage[] }
  | { readonly kind: 'text'; readonly text: string };

/** One request for candidates, independent of HTTP and of where candidates come from. */
export interface GenerationRequest {
  readonly prompt: Prompt;
  /** Most tokens each candidate may generate. */
  readonly maxTokens: number;
  /** Sampling temperature; undefined means {@link DEFAULT_SAMPLING.temperature}. 0 is greedy. */
  readonly temperature?: number;
  /** Nucleus sampling; undefined means {@link DEFAULT_SAMPLING.topP}. */
  readonly topP?: number;
  /** Base seed: candidate i samples with seed + i. Undefined: a random base per request. */
  readonly seed?: number;
  /** Generation stops before the first occurrence of any of these strings. */
  readonly stop?: readonly string[];
  /** Constrain output to a JSON value with a grammar (OpenAI's `response_format: json_object`). */
  readonly json?: boolean;
  /**
   * Constrain output to a JSON Schema (OpenAI's `response_format: json_schema`). Takes the place of
   * `json` when both are given. Undefined: free text (or `json`).
   */
  readonly format?: OutputFormat;
  /** Tools the model may call (OpenAI's `tools` / `tool_choice`); undefined: no tools. */
  readonly tools?: ToolRequest;
  /** Penalties, token biases and log-probabilities asked for; undefined: none. */
  readonly controls?: SamplingControls;
  /** How many candidates this source should produce. */
  readonly candidates: number;
  /** Correlates the logs of every node that works on this request (sent along to peers). */
  readonly requestId?: string;
  /**
   * Who asked (e.g. the client's IP address), so one client cannot take more than its share of
   * the wait queue while others wait. Never sent to peers. Undefined: counted with nobody.
   */
  readonly clientKey?: string;
}

/**
 * Sampling used when a request names none. Candidates must differ to be worth a vote, so the
 * default is not greedy: 0.7 / 0.95 is the common "chat" setting of llama.cpp front ends.
 */
export const DEFAULT_SAMPLING = { temperature: 0.7, topP: 0.95 } as const;

/** Seed of candidate `index`, so candidates of one request differ but replay identically. */
export function candidateSeed(baseSeed: number, index: number): number {
  // Keep within uint32, which is what llama.cpp's sampler takes.
  return (baseSeed + index) >>> 0;
}

/** Token counts of one source's work on a request. */
export interface GenerationUsage {
  readonly promptTokens: number;
  /** Tokens generated over all candidates (what the request cost, not just the winner). */
  readonly completionTokens: number;
}
