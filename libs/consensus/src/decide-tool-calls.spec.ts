import type { Candidate, CandidateToolCall } from './candidate/candidate';
import { decide } from './decide';
import type { ConsensusTool } from './options/tool-options';
import { STRATEGY_NAMES } from './strategies/strategy-name';
import { strategyTraits } from './strategies/strategy-traits';
import { candidate, portable, shuffled } from './testing/candidate-fixture';

const TOOLS: readonly ConsensusTool[] = [
  {
    name: 'get_weather',
    parameters: {
      type: 'object',
      required: ['city'],
      properties: { city: { type: 'string' }, unit: { enum: ['c', 'f'] } },
      additionalProperties: false,
    },
  },
  { name: 'get_time' },
];

const PARIS = 'tool_calls:[["get_weather",{"city":"Paris","unit":"c"}]]';

function calling(sequence: number, calls: readonly (readonly [string, string])[], extra: Partial<Candidate> = {}): Candidate {
  const toolCalls: CandidateToolCall[] = calls.map(([name, args]) => ({ name, arguments: args }));
  return candidate({ text: '', source: 'local', sequence, toolCalls, ...extra });
}

function answering(sequence: number, text: string, extra: Partial<Candidate> = {}): Candidate {
  return candidate({ text, source: 'local', sequence, ...extra });
}

describe('decide with tool calls', () => {
  it('groups equal calls whose arguments differ only in key order and spacing', () => {
    const verdict = decide(
      [
        calling(0, [['get_weather', '{"city":"Paris","unit":"c"}']]),
        calling(1, [['get_weather', '{ "unit": "c", "city": "Paris" }']]),
        calling(2, [['get_weather', '{"city":"Lyon","unit":"c"}']]),
      ],
      { strategy: 'majority', tools: TOOLS },
    );
    expect(verdict.groups.map((group) => [group.key, group.memberIndexes])).toEqual([
      [PARIS, [0, 1]],
      ['tool_calls:[["get_weather",{"city":"Lyon","unit":"c"}]]', [2]],
    ]);
    expect(verdict.winner?.groupKey).toBe(PARIS);
    expect(verdict.agreement).toBeCloseTo(2 / 3);
  });

  it('puts calls with different argument values in different groups', () => {
    const verdict = decide(
      [calling(0, [['get_weather', '{"city":"Paris"}']]), calling(1, [['get_weather', '{"city":"paris"}']])],
      { strategy: 'majority', tools: TOOLS },
    );
    expect(verdict.groups).toHaveLength(2);
  });

  it('lets a call group and a text group vote against each other', () => {
    const call = (sequence: number): Candidate => calling(sequence, [['get_weather', '{"city":"Paris","unit":"c"}']]);
    const text = (sequence: number): Candidate => answering(sequence, 'It is sunny in Paris.');
    const callsWin = decide([call(0), call(1), text(2)], { strategy: 'majority', tools: TOOLS });
    expect(callsWin.winner?.groupKey).toBe(PARIS);
    expect(callsWin.winner?.candidate.toolCalls).toHaveLength(1);
    const textWins = decide([call(0), text(1), text(2)], { strategy: 'majority', tools: TOOLS });
    expect(textWins.winner?.groupKey).toBe('text:it is sunny in paris');
    expect(textWins.groups.map((group) => group.key)).toEqual(['text:it is sunny in paris', PARIS]);
  });

  it('treats parallel calls in another order as the same answer', () => {
    const weather: readonly [string, string] = ['get_weather', '{"city":"Paris"}'];
    const time: readonly [string, string] = ['get_time', '{"zone":"Europe/Paris"}'];
    const verdict = decide([calling(0, [weather, time]), calling(1, [time, weather]), answering(2, 'Sunny.')], {
      strategy: 'majority',
      tools: TOOLS,
    });
    expect(verdict.groups[0]?.memberIndexes).toEqual([0, 1]);
    expect(verdict.winner?.groupKey).toBe('tool_calls:[["get_time",{"zone":"Europe/Paris"}],["get_weather",{"city":"Paris"}]]');
  });

  it.each([
    ['arguments that are not a JSON object', [['get_weather', 'Paris']], 'invalid_tool_arguments'],
    ['a function the request did not offer', [['get_news', '{}']], 'unknown_tool'],
    ['arguments not matching the parameters', [['get_weather', '{"city":"Paris","unit":"k"}']], 'tool_schema_mismatch'],
  ] as const)('drops a candidate with %s', (_name, calls, reason) => {
    const verdict = decide(
      [calling(0, calls), calling(1, calls), calling(2, [['get_weather', '{"city":"Lyon"}']])],
      { strategy: 'majority', tools: TOOLS },
    );
    expect(verdict.dropped).toEqual([
      { index: 0, reason },
      { index: 1, reason },
    ]);
    expect(verdict.winner?.index).toBe(2);
    expect(verdict.notes[0]).toBe(`dropped 2 of 3 candidates before voting (${reason}: 2)`);
  });

  it('returns the least bad call when every candidate is dropped', () => {
    const verdict = decide(
      [calling(0, [['get_news', '{}']]), calling(1, [['get_weather', '{"town":"Paris"}']]), answering(2, '', { finishReason: 'error' })],
      { strategy: 'majority', tools: TOOLS },
    );
    expect(verdict.valid).toBe(false);
    expect(verdict.dropped.map((entry) => entry.reason)).toEqual(['tool_schema_mismatch', 'unknown_tool', 'error']);
  });

  describe.each(STRATEGY_NAMES)('%s', (strategy) => {
    // The calls are the best scored, fast, and most voted; the one faster still is invalid.
    const input: readonly Candidate[] = [
      calling(0, [['get_weather', '{"city":"Paris","unit":"c"}']], { score: -0.1, latencyMs: 30 }),
      calling(1, [['get_weather', '{"unit":"c","city":"Paris"}']], { score: -0.2, latencyMs: 40 }),
      calling(2, [['get_weather', '{"city":"Paris","unit":"c"}']], { score: -0.3, latencyMs: 50, source: 'peer' }),
      answering(3, 'Sunny, 21 degrees.', { score: -0.9, latencyMs: 60 }),
      calling(4, [['get_weather', '{"city":7}']], { score: 0, latencyMs: 1 }),
    ];

    it('picks the call answer and drops the invalid call', () => {
      const verdict = decide(input, { strategy, tools: TOOLS });
      // decide() has no judge to ask: the judged strategies fall back to majority.
      expect(verdict.strategy).toBe(strategyTraits(strategy).judge === 'none' ? strategy : 'majority');
      expect(verdict.valid).toBe(true);
      expect(verdict.winner?.groupKey).toBe(PARIS);
      expect(verdict.winner?.index).toBe(0);
      expect(verdict.dropped).toEqual([{ index: 4, reason: 'tool_schema_mismatch' }]);
      expect(verdict.groups.map((group) => group.key)).toEqual([PARIS, 'number:21']);
    });

    it('gives the same verdict for every input order', () => {
      const reference = portable(decide(input, { strategy, tools: TOOLS }), input);
      for (const seed of [3, 5, 8]) {
        const reordered = shuffled(input, seed);
        expect(portable(decide(reordered, { strategy, tools: TOOLS }), reordered)).toEqual(reference);
      }
    });
  });
});
