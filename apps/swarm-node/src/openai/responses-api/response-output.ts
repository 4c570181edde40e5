import type { Candidate } from '@local-swarm/consensus';
import { randomUUID } from 'node:crypto';
import { newToolCallId } from '../responses/tool-call-id';

/** An answer's text, as the Responses API writes it. */
export interface OutputMessage {
  readonly type: 'message';
  readonly id: string;
  readonly role: 'assistant';
  readonly status: 'completed';
  readonly content: readonly { readonly type: 'output_text'; readonly text: string; readonly annotations: readonly never[] }[];
}

/** One call of a function the request offered. */
export interface OutputFunctionCall {
  readonly type: 'function_call';
  readonly id: string;
  readonly call_id: string;
  readonly name: string;
  readonly arguments: string;
  readonly status: 'completed';
}

export type OutputItem = OutputMessage | OutputFunctionCall;

/** An id in OpenAI's form for Responses objects: the prefix, "_", 48 hex digits. */
export function newResponsesId(prefix: 'resp' | 'msg' | 'fc'): string {
  return `${prefix}_${randomUUID().replaceAll('-', '')}${randomUUID().replaceAll('-', '').slice(0, 16)}`;
}

/**
 * The output items of the chosen candidate: its text as a message (left out when it only calls
 * functions, as OpenAI does), then each call as a function_call item with its own call id.
 */
export function outputItemsOf(candidate: Candidate | undefined): OutputItem[] {
  const calls = candidate?.toolCalls ?? [];
  const text = candidate?.text ?? '';
  const message: OutputMessage = {
    type: 'message',
    id: newResponsesId('msg'),
    role: 'assistant',
    status: 'completed',
    content: [{ type: 'output_text', text, annotations: [] }],
  };
  const functionCalls = calls.map(
    (call): OutputFunctionCall => ({ type: 'function_call', id: newResponsesId('fc'), call_id: newToolCallId(), name: call.name, arguments: call.arguments, status: 'completed' }),
  );
  return calls.length > 0 && text.trim() === '' ? functionCalls : [message, ...functionCalls];
}

/** What the SDKs compute as `output_text`: every message's text, in order. */
export function outputTextOf(items: readonly OutputItem[]): string {
  return items.map((item) => (item.type === 'message' ? item.content.map((part) => part.text).join('') : '')).join('');
}
