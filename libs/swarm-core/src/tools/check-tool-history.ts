import type { ChatMessage } from '../generation/generation-request';

/**
 * Why a chat's tool turns cannot be rendered, or null when they can. OpenAI's rules: every
 * `tool` message answers a call of the assistant turn right before it (only other tool
 * messages between), each call is answered exactly once before the next non-tool message, and
 * a call's arguments are the JSON text of an object. The message names the field
 * (`messages[i].…`, indexes of `messages` as given) for the API layer's 400.
 */
export function checkToolHistory(messages: readonly ChatMessage[]): string | null {
  let open: Map<string, boolean> | null = null;
  for (const [index, message] of messages.entries()) {
    if (message.role === 'tool') {
      const id = message.toolCallId ?? '';
      if (open === null || !open.has(id)) {
        return `messages[${index}].tool_call_id: '${id}' answers no tool call of the assistant message before it`;
      }
      if (open.get(id) === true) return `messages[${index}].tool_call_id: '${id}' is answered twice`;
      open.set(id, true);
      continue;
    }
    const unanswered = unansweredCall(open);
    if (unanswered !== undefined) {
      return `messages[${index}]: the tool call '${unanswered}' has no tool message answering it before this message`;
    }
    open = null;
    if (message.role === 'assistant' && message.toolCalls !== undefined && message.toolCalls.length > 0) {
      const problem = callsProblem(message, index);
      if (problem !== null) return problem;
      open = new Map(message.toolCalls.map((call) => [call.id, false]));
    }
  }
  const unanswered = unansweredCall(open);
  return unanswered === undefined ? null : `messages: the tool call '${unanswered}' has no tool message answering it`;
}

function unansweredCall(open: Map<string, boolean> | null): string | undefined {
  return open === null ? undefined : [...open].find(([, answered]) => !answered)?.[0];
}

function callsProblem(message: ChatMessage, index: number): string | null {
  const ids = new Set<string>();
  for (const [position, call] of (message.toolCalls ?? []).entries()) {
    const field = `messages[${index}].tool_calls[${position}]`;
    if (ids.has(call.id)) return `${field}.id: '${call.id}' is used twice in one message`;
    ids.add(call.id);
    if (!isJsonObjectText(call.arguments)) return `${field}.function.arguments: must be the JSON text of an object`;
  }
  return null;
}

function isJsonObjectText(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}
