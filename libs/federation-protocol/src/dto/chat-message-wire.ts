import type { VoteChatMessage } from '../messages/vote-request';
import type { ChatMessageDto, ChatMessageWire } from './vote-request.dto';

/**
 * Why a validated chat message still cannot be a prompt turn (the field and why): tool calls
 * belong to assistant turns only, and a tool result must name the call it answers (and only a
 * tool result may). Null when it is fine.
 */
export function chatMessageProblem(message: ChatMessageDto, index: number): { readonly param: string; readonly message: string } | null {
  const at = `prompt.messages[${index}]`;
  if (message.tool_calls !== undefined && message.role !== 'assistant') return { param: `${at}.tool_calls`, message: 'only an assistant message may carry tool_calls' };
  if (message.role === 'tool' && message.tool_call_id === undefined) return { param: `${at}.tool_call_id`, message: 'a tool message needs tool_call_id' };
  if (message.role !== 'tool' && message.tool_call_id !== undefined) return { param: `${at}.tool_call_id`, message: 'only a tool message may carry tool_call_id' };
  return null;
}

/** A validated wire message as the receiver uses it (camelCase, absent fields left out). */
export function chatMessageFromWire(message: ChatMessageDto): VoteChatMessage {
  return {
    role: message.role,
    content: message.content,
    ...(message.tool_calls !== undefined && { toolCalls: message.tool_calls.map(({ id, name, arguments: args }) => ({ id, name, arguments: args })) }),
    ...(message.tool_call_id !== undefined && { toolCallId: message.tool_call_id }),
  };
}

/** The wire form of a prompt message (snake_case, absent fields left out). */
export function chatMessageToWire(message: VoteChatMessage): ChatMessageWire {
  return {
    role: message.role,
    content: message.content,
    ...(message.toolCalls !== undefined && { tool_calls: message.toolCalls.map(({ id, name, arguments: args }) => ({ id, name, arguments: args })) }),
    ...(message.toolCallId !== undefined && { tool_call_id: message.toolCallId }),
  };
}
