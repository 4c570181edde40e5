import type { Candidate } from '@local-swarm/consensus';
import { outputItemsOf, outputTextOf, refusalOutputOf } from './response-output';

const base: Candidate = { text: '', score: -0.1, source: 'local', sequence: 0, model: 'm', finishReason: 'stop', latencyMs: 1 };

describe('outputItemsOf', () => {
  it('gives a text answer as one message', () => {
    const items = outputItemsOf({ ...base, text: 'Hello' });
    expect(items).toMatchObject([{ type: 'message', content: [{ type: 'output_text', text: 'Hello', annotations: [] }] }]);
    expect(outputTextOf(items)).toBe('Hello');
  });

  it('gives each call as a function_call item with its own ids, and no empty message', () => {
    const items = outputItemsOf({ ...base, toolCalls: [{ name: 'get_weather', arguments: '{"city":"Paris"}' }] });
    expect(items).toEqual([
      { type: 'function_call', id: expect.stringMatching(/^fc_/), call_id: expect.stringMatching(/^call_/), name: 'get_weather', arguments: '{"city":"Paris"}', status: 'completed' },
    ]);
    expect(outputTextOf(items)).toBe('');
  });

  it('keeps the text said around calls as a message first', () => {
    expect(outputItemsOf({ ...base, text: 'Checking.', toolCalls: [{ name: 'f', arguments: '{}' }] }).map((item) => item.type)).toEqual(['message', 'function_call']);
  });
});

describe('refusalOutputOf', () => {
  it('gives an abstention as one message whose only part is the refusal, which is no output text', () => {
    const items = refusalOutputOf('the candidates disagreed');
    expect(items).toEqual([{ type: 'message', id: expect.stringMatching(/^msg_/), role: 'assistant', status: 'completed', content: [{ type: 'refusal', refusal: 'the candidates disagreed' }] }]);
    expect(outputTextOf(items)).toBe('');
  });
});
