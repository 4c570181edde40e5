import { toOpenAiChatMessages } from './openai-chat-messages';

describe('toOpenAiChatMessages', () => {
  it('keeps plain turns as they are', () => {
    expect(toOpenAiChatMessages([{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'Hi' }])).toEqual([
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'Hi' },
    ]);
  });

  it("writes an assistant turn's calls as OpenAI tool_calls, content null when it said nothing, and a tool result with its call id", () => {
    const calls = [{ id: 'call_1', name: 'get_weather', arguments: '{"city":"Paris"}' }];
    expect(
      toOpenAiChatMessages([
        { role: 'assistant', content: '', toolCalls: calls },
        { role: 'tool', content: '{"temp":21}', toolCallId: 'call_1' },
      ]),
    ).toEqual([
      { role: 'assistant', content: null, tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } }] },
      { role: 'tool', content: '{"temp":21}', tool_call_id: 'call_1' },
    ]);
  });
});
