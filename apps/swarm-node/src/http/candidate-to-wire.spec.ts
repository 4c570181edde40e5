import type { Candidate } from '@local-swarm/consensus';
import { candidateToWire } from './candidate-to-wire';

const TEXT: Candidate = { text: 'Paris', score: -0.2, source: 'ls-a', sequence: 0, model: 'm', finishReason: 'stop', latencyMs: 12, completionTokens: 2 };

describe('candidateToWire', () => {
  it('shows a text answer in snake_case, without tool_calls', () => {
    expect(candidateToWire(TEXT)).toEqual({ source: 'ls-a', sequence: 0, model: 'm', text: 'Paris', score: -0.2, finish_reason: 'stop', latency_ms: 12, completion_tokens: 2 });
  });

  it('shows the calls a candidate proposes, so the consensus metadata says what each one voted for', () => {
    const call = { name: 'get_weather', arguments: '{"city":"Paris"}' };
    expect(candidateToWire({ ...TEXT, text: '', toolCalls: [call] })).toMatchObject({ text: '', tool_calls: [call] });
  });
});
