import type { ChatMessage } from '../generation/generation-request';
import { chatHistoryOf } from './chat-history-of';

const ask: ChatMessage = { role: 'user', content: 'Weather in Paris?' };
const call: ChatMessage = { role: 'assistant', content: 'Checking.', toolCalls: [{ id: 'call_1', name: 'get_weather', arguments: '{"city":"Paris"}' }] };
const result: ChatMessage = { role: 'tool', content: '{"temp":20}', toolCallId: 'call_1' };
const functionCall = { type: 'functionCall', name: 'get_weather', params: { city: 'Paris' }, result: { temp: 20 }, startsNewChunk: true };

describe('chatHistoryOf', () => {
  it('renders plain turns and opens an empty model turn for the reply', () => {
    expect(chatHistoryOf([{ role: 'system', content: 'Be brief.' }, ask, { role: 'assistant', content: 'Hi' }, ask])).toEqual([
      { type: 'system', text: 'Be brief.' },
      { type: 'user', text: 'Weather in Paris?' },
      { type: 'model', response: ['Hi'] },
      { type: 'user', text: 'Weather in Paris?' },
      { type: 'model', response: [] },
    ]);
  });

  it('folds a tool result into the call it answers, and the reply continues that model turn', () => {
    expect(chatHistoryOf([ask, call, result])).toEqual([{ type: 'user', text: 'Weather in Paris?' }, { type: 'model', response: ['Checking.', functionCall] }]);
  });

  it('appends the assistant answer after the results to the turn that called, then opens a new reply', () => {
    expect(chatHistoryOf([ask, call, result, { role: 'assistant', content: 'It is 20.' }, ask])).toEqual([
      { type: 'user', text: 'Weather in Paris?' },
      { type: 'model', response: ['Checking.', functionCall, 'It is 20.'] },
      { type: 'user', text: 'Weather in Paris?' },
      { type: 'model', response: [] },
    ]);
  });

  it('keeps a result that is no JSON as its text', () => {
    const [, model] = chatHistoryOf([ask, { ...call, content: '' }, { ...result, content: 'sunny' }]);
    expect(model).toEqual({ type: 'model', response: [{ ...functionCall, result: 'sunny' }] });
  });
});
