import type { VoteFinishReason, VoteToolCallProposal, VoteUsage } from './vote-response';
import type { VoteRequest } from './vote-request';
import type { VoteSamplingControls } from './vote-sampling-controls';
import type { VoteTokenLogprob } from './vote-token-logprob';

/**
 * A request to an OpenAI-compatible server: a vote request's prompt and sampling, plus the
 * server's model name (camelCase; the client writes the wire body and adds `n`). The prompt picks
 * the endpoint: a chat goes to /chat/completions, text to /completions; `json` is sent as
 * `response_format: { type: 'json_object' }`, `format` as `response_format: { type: 'json_schema' }`.
 */
export interface OpenAiCompletionRequest
  extends Pick<VoteRequest, 'prompt' | 'maxTokens' | 'temperature' | 'topP' | 'seed' | 'stop' | 'json' | 'format' | 'tools'> {
  /** The server's model name (as its /models lists it); vLLM and Ollama need the right one. */
  readonly model: string;
  /** Never a logit bias: token ids belong to one model file, and the server's is another. */
  readonly controls?: Omit<VoteSamplingControls, 'logitBias'>;
}

/** One choice of the server's reply. */
export interface OpenAiChoice {
  readonly text: string;
  /** `length` when the server says so, `stop` for anything else. */
  readonly finishReason: Extract<VoteFinishReason, 'stop' | 'length'>;
  /** `message.tool_calls` of a chat choice; absent when it called nothing. */
  readonly toolCalls?: readonly VoteToolCallProposal[];
  /** The choice's per-token log-probabilities; absent when the server sent none (or unreadable ones). */
  readonly logprobs?: readonly VoteTokenLogprob[];
}

/** The server's reply, read defensively: it is untrusted input. */
export interface OpenAiCompletion {
  readonly choices: readonly OpenAiChoice[];
  /** The model the reply names; null when it names none (or an absurdly long one). */
  readonly model: string | null;
  /** Counts that are missing or not non-negative numbers read as 0. */
  readonly usage: VoteUsage;
}
