import type { Candidate } from '@local-swarm/consensus';
import type { AnswerShape } from './answer-shape';
import { toOpenAiFinishReason, type OpenAiFinishReason } from './finish-reason';
import { newToolCallId } from './tool-call-id';

/** A returned call as OpenAI writes it in `tool_calls`. */
export interface ChatToolCall {
  readonly id: string;
  readonly type: 'function';
  readonly function: { readonly name: string; readonly arguments: string };
}

/** The assistant message of one chat choice. */
export interface ChatAnswerMessage {
  readonly role: 'assistant';
  /** Null for an answer that only calls tools, as OpenAI sends it. */
  readonly content: string | null;
  /** Set only when the node abstains (see abstention.ts), as OpenAI sends a refusal. */
  readonly refusal: string | null;
  readonly tool_calls?: readonly ChatToolCall[];
  /** Legacy `functions` requests: the one call, without an id. */
  readonly function_call?: { readonly name: string; readonly arguments: string };
}

/**
 * A candidate as a chat answer: its text, its calls (each with a new id) in the shape the request
 * used (`tool_calls`, or the legacy `function_call`), and the finish reason that says which.
 */
export function chatAnswerOf(candidate: Candidate, answer: AnswerShape): { message: ChatAnswerMessage; finishReason: OpenAiFinishReason } {
  const calls = candidate.toolCalls ?? [];
  const first = calls[0];
  if (first === undefined) {
    return { message: { role: 'assistant', content: candidate.text, refusal: null }, finishReason: toOpenAiFinishReason(candidate.finishReason) };
  }
  const content = candidate.text.trim() === '' ? null : candidate.text;
  if (answer.legacyFunctions) {
    return {
      message: { role: 'assistant', content, refusal: null, function_call: { name: first.name, arguments: first.arguments } },
      finishReason: 'function_call',
    };
  }
  const toolCalls = calls.map((call) => ({ id: newToolCallId(), type: 'function' as const, function: { name: call.name, arguments: call.arguments } }));
  return { message: { role: 'assistant', content, refusal: null, tool_calls: toolCalls }, finishReason: 'tool_calls' };
}
