import type { Candidate, CandidateToolCall } from '@local-swarm/consensus';
import type { GenerationRequest } from '../generation/generation-request';
import type { ToolChoice } from '../generation/tool-request';
import type { CandidateSource, CandidateSourceCallOptions, SourceOutcome } from '../sources/candidate-source';
import { runConsensus } from './consensus-runner';

interface Answer {
  readonly text: string;
  readonly calls?: readonly CandidateToolCall[];
}

/** A source that answers at once with the given texts and calls. */
function sourceOf(id: string, answers: readonly Answer[]): CandidateSource {
  return {
    id,
    generate: async (_request: GenerationRequest, call: CandidateSourceCallOptions): Promise<SourceOutcome> => {
      const candidates = answers.map((answer, sequence): Candidate => ({
        text: answer.text,
        score: -0.5,
        source: id,
        sequence,
        model: 'm',
        finishReason: 'stop',
        latencyMs: 1,
        completionTokens: 3,
        ...(answer.calls !== undefined ? { toolCalls: answer.calls } : {}),
      }));
      candidates.forEach((candidate) => call.onCandidate?.(candidate));
      return { ok: true, candidates, usage: { promptTokens: 3, completionTokens: 3 * candidates.length } };
    },
  };
}

const WEATHER = {
  name: 'get_weather',
  parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'], additionalProperties: false },
};
const TIME = { name: 'get_time', parameters: { type: 'object', properties: {} } };
const weatherCall = (city: unknown): CandidateToolCall => ({ name: 'get_weather', arguments: JSON.stringify({ city }) });

function requestWith(choice: ToolChoice): GenerationRequest {
  return { prompt: { kind: 'text', text: 'weather?' }, maxTokens: 16, candidates: 3, tools: { tools: [WEATHER, TIME], choice, parallel: true } };
}

const runOn = (request: GenerationRequest, answers: readonly Answer[], strategy: 'majority' | 'first_valid' = 'majority') =>
  runConsensus(request, [sourceOf('peer', answers)], { strategy, signal: new AbortController().signal });

describe('runConsensus with tools and formats', () => {
  it('drops calls whose arguments do not match the tool schema', async () => {
    const outcome = await runOn(requestWith('auto'), [{ text: '', calls: [weatherCall(7)] }, { text: '', calls: [weatherCall(7)] }, { text: '', calls: [weatherCall('Paris')] }]);
    if (!outcome.ok) throw new Error('no run');
    expect(outcome.run.verdict.winner?.candidate.toolCalls).toEqual([weatherCall('Paris')]);
    expect(outcome.run.verdict.dropped.map((drop) => drop.reason)).toEqual(['tool_schema_mismatch', 'tool_schema_mismatch']);
  });

  it('offers only the named function to a named choice: a call to another is unknown_tool', async () => {
    const timeCall = { name: 'get_time', arguments: '{}' };
    const outcome = await runOn(requestWith({ name: 'get_weather' }), [{ text: '', calls: [timeCall] }, { text: '', calls: [timeCall] }, { text: '', calls: [weatherCall('Oslo')] }]);
    if (!outcome.ok) throw new Error('no run');
    expect(outcome.run.verdict.winner?.candidate.toolCalls).toEqual([weatherCall('Oslo')]);
    expect(outcome.run.verdict.dropped.map((drop) => drop.reason)).toEqual(['unknown_tool', 'unknown_tool']);
  });

  it('offers no function for tool_choice none: a call is unknown_tool', async () => {
    const outcome = await runOn(requestWith('none'), [{ text: '', calls: [weatherCall('Oslo')] }, { text: 'It is sunny.' }]);
    if (!outcome.ok) throw new Error('no run');
    expect(outcome.run.verdict.winner?.candidate.text).toBe('It is sunny.');
  });

  it('leaves text answers out of the vote when a call is required, with a note', async () => {
    const outcome = await runOn(requestWith('required'), [{ text: 'Sunny.' }, { text: 'Sunny.' }, { text: '', calls: [weatherCall('Rome')] }]);
    if (!outcome.ok) throw new Error('no run');
    expect(outcome.run.verdict.winner?.candidate.toolCalls).toEqual([weatherCall('Rome')]);
    expect(outcome.run.candidates).toHaveLength(1);
    expect(outcome.run.verdict.notes.some((note) => note.includes('left out of the vote'))).toBe(true);
  });

  it('first_valid does not stop at a text answer when a call is required', async () => {
    const outcome = await runOn(requestWith({ name: 'get_weather' }), [{ text: 'Sunny.' }, { text: '', calls: [weatherCall('Rome')] }], 'first_valid');
    if (!outcome.ok) throw new Error('no run');
    expect(outcome.run.verdict.winner?.candidate.toolCalls).toEqual([weatherCall('Rome')]);
  });

  it('checks answers against a json_schema format', async () => {
    const request: GenerationRequest = {
      prompt: { kind: 'text', text: 'a person' },
      maxTokens: 16,
      candidates: 3,
      format: { kind: 'json_schema', name: 'person', strict: true, schema: { type: 'object', properties: { age: { type: 'integer' } }, required: ['age'] } },
    };
    const outcome = await runOn(request, [{ text: '{"age":"old"}' }, { text: '{"age":"old"}' }, { text: '{"age":3}' }]);
    if (!outcome.ok) throw new Error('no run');
    expect(outcome.run.verdict.winner?.candidate.text).toBe('{"age":3}');
    expect(outcome.run.verdict.dropped.map((drop) => drop.reason)).toEqual(['schema_mismatch', 'schema_mismatch']);
  });
});
