import type { ToolRequest } from '../generation/tool-request';
import { chatWrapperSamples } from '../testing/chat-wrapper-samples';
import { toolAnswer } from './tool-answer';

const { functions } = chatWrapperSamples(['ChatMLChatWrapper']).ChatMLChatWrapper;
const tools = (choice: ToolRequest['choice'], parallel = true): ToolRequest => ({
  tools: [{ name: 'get_weather' }, { name: 'get_time' }],
  choice,
  parallel,
});
const twoCalls = 'Sure.\n||call: get_weather({"city": "Paris"})\n||call: get_time({})';

describe('toolAnswer', () => {
  it('splits an answer into text and the calls to offered tools', () => {
    expect(toolAnswer(twoCalls, functions, tools('auto'))).toEqual({
      text: 'Sure.',
      toolCalls: [
        { name: 'get_weather', arguments: '{"city":"Paris"}' },
        { name: 'get_time', arguments: '{}' },
      ],
    });
  });

  it('keeps only the first call without parallel calls', () => {
    expect(toolAnswer(twoCalls, functions, tools('required', false)).toolCalls).toEqual([{ name: 'get_weather', arguments: '{"city":"Paris"}' }]);
  });

  it('keeps the answer as text without tools, with choice none, or when a call names a tool not offered', () => {
    expect(toolAnswer(twoCalls, functions, undefined)).toEqual({ text: twoCalls });
    expect(toolAnswer(twoCalls, functions, tools('none'))).toEqual({ text: twoCalls });
    expect(toolAnswer(twoCalls, functions, tools({ name: 'get_weather' }))).toEqual({ text: twoCalls });
  });
});
