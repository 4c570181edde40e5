import { checkToolHistory, type ChatMessage, type ToolCall } from '@local-swarm/swarm-core';
import { OpenAiHttpError } from '../../http/openai-error';
import type { ChatMessageDto } from '../dto/chat-message.dto';
import type { TextContentPart } from '../dto/validators';

/**
 * The chat as the engine takes it, one message per message given (so the indexes of
 * checkToolHistory's messages are the client's). "developer" becomes "system"; the legacy
 * `function_call` of an assistant turn becomes a tool call, and the "function" message after it
 * the tool result answering it (matched by the function's name, as the legacy API did).
 * Tool turns that cannot be rendered are a 400 naming the message.
 */
export function chatMessagesOf(messages: readonly ChatMessageDto[]): ChatMessage[] {
  const legacyCalls = new Map<string, string>();
  const chat = messages.map((message, index): ChatMessage => {
    const content = textOf(message.content);
    switch (message.role) {
      case 'developer':
        return { role: 'system', content };
      case 'tool':
        return { role: 'tool', content, toolCallId: message.tool_call_id ?? '' };
      case 'function':
        return { role: 'tool', content, toolCallId: legacyCalls.get(message.name ?? '') ?? '' };
      case 'assistant': {
        const toolCalls = callsOf(message, index);
        if (message.function_call !== undefined) legacyCalls.set(message.function_call.name, legacyCallId(index));
        return toolCalls.length > 0 ? { role: 'assistant', content, toolCalls } : { role: 'assistant', content };
      }
      default:
        return { role: message.role, content };
    }
  });
  const problem = checkToolHistory(chat);
  if (problem !== null) throw OpenAiHttpError.invalidRequest(problem, paramOf(problem), 'invalid_tool_history');
  return chat;
}

function textOf(content: string | readonly TextContentPart[] | null | undefined): string {
  if (content === null || content === undefined) return '';
  return typeof content === 'string' ? content : content.map((part) => part.text).join('');
}

function callsOf(message: ChatMessageDto, index: number): ToolCall[] {
  const calls = (message.tool_calls ?? []).map((call) => ({ id: call.id, name: call.function.name, arguments: call.function.arguments }));
  const legacy = message.function_call;
  return legacy === undefined ? calls : [...calls, { id: legacyCallId(index), name: legacy.name, arguments: legacy.arguments }];
}

/** The legacy API gave calls no id; this one links a `function_call` with the "function" message answering it. */
function legacyCallId(messageIndex: number): string {
  return `function_call_${messageIndex}`;
}

/** checkToolHistory's messages start with the field ("messages[3].tool_call_id: …"). */
function paramOf(problem: string): string {
  const colon = problem.indexOf(':');
  return colon > 0 ? problem.slice(0, colon) : 'messages';
}
