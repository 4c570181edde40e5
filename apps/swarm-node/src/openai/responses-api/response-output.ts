import type { Candidate } from '@local-swarm/consensus';
import { randomUUID } from 'node:crypto';
import { newToolCallId } from '../responses/tool-call-id';

/** An answer's text, as the Responses API writes it. */
export interface OutputTextPart {
  readonly type: 'output_text';
  readonly text: string;
  readonly annotations: readonly never[];
}

/** An abstention, as the Responses API writes a refusal: the reason instead of the answer. */
export interface OutputRefusalPart {
  readonly type: 'refusal';
  readonly refusal: string;
}

export interface OutputMessage {
  readonly type: 'message';
  readonly id: string;
  readonly role: 'assistant';
  readonly status: 'completed';
  readonly content: readonly (OutputTextPart | OutputRefusalPart)[];
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

/** The node abstained: one message whose only part is the refusal, no calls, no text. */
export function refusalOutputOf(reason: string): OutputItem[] {
  return [{ type: 'message', id: newResponsesId('msg'), role: 'assistant', status: 'completed', content: [{ type: 'refusal', refusal: reason }] }];
}

/** What the SDKs compute as `output_text`: every message's text, in order (a refusal is no text). */
export function outputTextOf(items: readonly OutputItem[]): string {
  return items.map((item) => (item.type === 'message' ? item.content.map((part) => (part.type === 'output_text' ? part.text : '')).join('') : '')).join('');
}
