import type { VoteChatMessage } from '../messages/vote-request';

/** A chat message in OpenAI's wire form. */
export interface OpenAiChatMessage {
  readonly role: string;
  readonly content: string | null;
  readonly tool_calls?: readonly { readonly id: string; readonly type: 'function'; readonly function: { readonly name: string; readonly arguments: string } }[];
  readonly tool_call_id?: string;
}

/**
 * Prompt messages as an OpenAI-compatible server reads them: an assistant turn's calls as
 * `tool_calls` of type `function` (with `content: null` when it said nothing else, as OpenAI
 * sends it), a tool result with its `tool_call_id`.
 */
export function toOpenAiChatMessages(messages: readonly VoteChatMessage[]): OpenAiChatMessage[] {
  return messages.map((message) => {
    const calls = message.toolCalls ?? [];
    if (message.role === 'assistant' && calls.length > 0) {
      return {
        role: 'assistant',
        content: message.content === '' ? null : message.content,
        tool_calls: calls.map((call) => ({ id: call.id, type: 'function' as const, function: { name: call.name, arguments: call.arguments } })),
      };
    }
    if (message.role === 'tool') return { role: 'tool', content: message.content, tool_call_id: message.toolCallId ?? '' };
    return { role: message.role, content: message.content };
  });
}
