import type { ChatMessage } from '../generation/generation-request';
import { checkToolHistory } from './check-tool-history';

const ask: ChatMessage = { role: 'user', content: 'Weather in Paris and Rome?' };
const calls: ChatMessage = {
  role: 'assistant',
  content: '',
  toolCalls: [
    { id: 'call_1', name: 'get_weather', arguments: '{"city":"Paris"}' },
    { id: 'call_2', name: 'get_weather', arguments: '{"city":"Rome"}' },
  ],
};
const result = (id: string): ChatMessage => ({ role: 'tool', content: '{"temp":20}', toolCallId: id });

describe('checkToolHistory', () => {
  it('accepts every call answered right after it, in any order, and a chat without tools', () => {
    expect(checkToolHistory([ask, calls, result('call_2'), result('call_1'), { role: 'assistant', content: 'Mild.' }])).toBeNull();
    expect(checkToolHistory([ask, { role: 'assistant', content: 'Hi' }, ask])).toBeNull();
  });

  it('names a tool message whose id matches no call of the assistant message before it', () => {
    expect(checkToolHistory([ask, calls, result('call_1'), result('call_9')])).toBe(
      "messages[3].tool_call_id: 'call_9' answers no tool call of the assistant message before it",
    );
    expect(checkToolHistory([ask, result('call_1')])).toMatch(/^messages\[1\]\.tool_call_id: 'call_1' answers no tool call/);
    // A result after a user turn no longer answers the earlier calls.
    expect(checkToolHistory([ask, calls, result('call_1'), result('call_2'), ask, result('call_1')])).toMatch(/^messages\[5\]\.tool_call_id/);
  });

  it('names a call answered twice, or not at all', () => {
    expect(checkToolHistory([ask, calls, result('call_1'), result('call_1')])).toBe("messages[3].tool_call_id: 'call_1' is answered twice");
    expect(checkToolHistory([ask, calls, result('call_1'), ask])).toBe("messages[3]: the tool call 'call_2' has no tool message answering it before this message");
    expect(checkToolHistory([ask, calls, result('call_2')])).toBe("messages: the tool call 'call_1' has no tool message answering it");
  });

  it('names a call whose arguments are no JSON object, and an id used twice', () => {
    const bad: ChatMessage = { role: 'assistant', content: '', toolCalls: [{ id: 'c', name: 'f', arguments: '[1]' }] };
    expect(checkToolHistory([ask, bad, result('c')])).toBe('messages[1].tool_calls[0].function.arguments: must be the JSON text of an object');
    const twice: ChatMessage = { role: 'assistant', content: '', toolCalls: [{ id: 'c', name: 'f', arguments: '{}' }, { id: 'c', name: 'g', arguments: '{}' }] };
    expect(checkToolHistory([ask, twice, result('c')])).toBe("messages[1].tool_calls[1].id: 'c' is used twice in one message");
  });
});
