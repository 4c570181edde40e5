import type { ChatMessage } from '../generation/generation-request';
import type { ChatHistoryItem } from '../engine/llama-types';

type ModelResponseItem = Extract<ChatHistoryItem, { type: 'model' }>['response'][number];

/**
 * A chat as node-llama-cpp's history, ending with the model turn to generate, so the model's
 * chat wrapper renders it with its own template. An assistant turn that called tools becomes a
 * model response holding its text and one function call item per call, each with the result the
 * matching `tool` message gave (the tool messages are folded into those items). What follows
 * the results (the next assistant message, or the answer being generated) continues that same
 * model response, as the template writes a call, its result and the answer in one turn.
 * Expects a history that passed `checkToolHistory` (an unanswered call gets an empty result).
 */
export function chatHistoryOf(messages: readonly ChatMessage[]): ChatHistoryItem[] {
  const results = new Map(messages.filter((message) => message.role === 'tool').map((message) => [message.toolCallId ?? '', message.content]));
  const history: ChatHistoryItem[] = [];
  let afterToolResults = false;
  for (const message of messages) {
    const last = history[history.length - 1];
    switch (message.role) {
      case 'system':
        history.push({ type: 'system', text: message.content });
        break;
      case 'user':
        history.push({ type: 'user', text: message.content });
        break;
      case 'assistant':
        if (afterToolResults && last?.type === 'model') last.response.push(...modelResponse(message, results));
        else history.push({ type: 'model', response: modelResponse(message, results) });
        break;
      case 'tool':
        break;
    }
    afterToolResults = message.role === 'tool';
  }
  // An empty model turn at the end makes the template open the assistant's reply; after tool
  // results the reply continues the turn that made the calls.
  if (!afterToolResults) history.push({ type: 'model', response: [] });
  return history;
}

function modelResponse(message: ChatMessage, results: ReadonlyMap<string, string>): ModelResponseItem[] {
  const calls = (message.toolCalls ?? []).map(
    (call, index): ModelResponseItem => ({
      type: 'functionCall',
      name: call.name,
      params: JSON.parse(call.arguments) as unknown,
      result: resultValue(results.get(call.id) ?? ''),
      ...(index === 0 ? { startsNewChunk: true } : {}),
    }),
  );
  // Text sent with calls is what the model wrote before calling.
  return message.content === '' ? calls : [message.content, ...calls];
}

/** A tool's result as JSON when it is JSON (rendered as such), else as its text. */
function resultValue(content: string): unknown {
  try {
    return JSON.parse(content) as unknown;
  } catch {
    return content;
  }
}
