import type { Candidate } from '../candidate/candidate';
import type { JsonSchema } from '../json/json-schema';
import type { ConsensusOptions } from '../options/consensus-options';
import { candidate } from '../testing/candidate-fixture';
import { badnessOf, DROP_REASONS_LEAST_BAD_FIRST } from './drop-reason';
import { validateCandidate, type CandidateValidation } from './validate-candidate';

const SCHEMA: JsonSchema = {
  type: 'object',
  required: ['city', 'population'],
  properties: { city: { type: 'string' }, population: { type: 'integer' } },
};

const LOOP = 'I hope this helps! '.repeat(6);

const TOOLS = [
  { name: 'get_weather', parameters: { type: 'object', required: ['city'], properties: { city: { type: 'string' } } } },
  { name: 'ping' },
];

function calls(list: readonly (readonly [string, string])[], text = ''): Candidate {
  return candidate({ text, toolCalls: list.map(([name, args]) => ({ name, arguments: args })) });
}

describe('validateCandidate', () => {
  const table: readonly (readonly [string, Candidate, Pick<ConsensusOptions, 'json' | 'tools'>, CandidateValidation])[] = [
    ['a normal answer', candidate({ text: 'Paris' }), {}, { valid: true }],
    ['empty', candidate({ text: '' }), {}, { valid: false, reason: 'empty' }],
    ['whitespace only', candidate({ text: ' \n\t ' }), {}, { valid: false, reason: 'empty' }],
    ['truncated by max_tokens', candidate({ text: 'Paris is', finishReason: 'length' }), {}, { valid: false, reason: 'truncated' }],
    ['cancelled', candidate({ text: 'Paris', finishReason: 'cancelled' }), {}, { valid: false, reason: 'cancelled' }],
    ['producer error', candidate({ text: 'Paris', finishReason: 'error' }), {}, { valid: false, reason: 'error' }],
    ['looping', candidate({ text: LOOP }), {}, { valid: false, reason: 'looping' }],
    ['looping and truncated reports looping', candidate({ text: LOOP, finishReason: 'length' }), {}, { valid: false, reason: 'looping' }],
    ['error with empty text reports error', candidate({ text: '', finishReason: 'error' }), {}, { valid: false, reason: 'error' }],
    ['cancelled and empty reports cancelled', candidate({ text: '', finishReason: 'cancelled' }), {}, { valid: false, reason: 'cancelled' }],
    ['prose is fine outside JSON mode', candidate({ text: 'not json' }), {}, { valid: true }],
    // JSON mode
    ['valid JSON object', candidate({ text: '{"a": 1}' }), { json: {} }, { valid: true }],
    ['valid JSON array', candidate({ text: ' [1, 2] ' }), { json: {} }, { valid: true }],
    ['invalid JSON', candidate({ text: '{"a": 1' }), { json: {} }, { valid: false, reason: 'invalid_json' }],
    ['a JSON scalar is not an answer object', candidate({ text: '42' }), { json: {} }, { valid: false, reason: 'invalid_json' }],
    ['JSON in a fence is not JSON', candidate({ text: '```json\n{"a":1}\n```' }), { json: {} }, { valid: false, reason: 'invalid_json' }],
    [
      'matches the schema',
      candidate({ text: '{"city": "Paris", "population": 2102650, "extra": true}' }),
      { json: { schema: SCHEMA } },
      { valid: true },
    ],
    [
      'schema mismatch: missing required',
      candidate({ text: '{"city": "Paris"}' }),
      { json: { schema: SCHEMA } },
      { valid: false, reason: 'schema_mismatch' },
    ],
    [
      'schema mismatch: wrong type',
      candidate({ text: '{"city": "Paris", "population": 2.5}' }),
      { json: { schema: SCHEMA } },
      { valid: false, reason: 'schema_mismatch' },
    ],
    [
      'truncated JSON reports truncated',
      candidate({ text: '{"city": "Par', finishReason: 'length' }),
      { json: { schema: SCHEMA } },
      { valid: false, reason: 'truncated' },
    ],
    [
      'schema mismatch: a keyword beyond type/required (additionalProperties)',
      candidate({ text: '{"city": "Paris", "population": 1, "extra": true}' }),
      { json: { schema: { ...SCHEMA, additionalProperties: false } } },
      { valid: false, reason: 'schema_mismatch' },
    ],
    // Tool calls
    ['calls with no text are not empty', calls([['get_weather', '{"city":"Paris"}']]), {}, { valid: true }],
    ['calls are checked, not the text, in JSON mode', calls([['get_weather', '{"city":"Paris"}']], 'Let me look.'), { json: {} }, { valid: true }],
    ['arguments that are not JSON', calls([['get_weather', '{"city":']]), {}, { valid: false, reason: 'invalid_tool_arguments' }],
    ['arguments that are an array', calls([['get_weather', '["Paris"]']]), {}, { valid: false, reason: 'invalid_tool_arguments' }],
    ['one bad call of two drops the candidate', calls([['a', '{}'], ['b', 'null']]), {}, { valid: false, reason: 'invalid_tool_arguments' }],
    ['an empty function name', calls([['', '{}']]), {}, { valid: false, reason: 'unknown_tool' }],
    ['a function the request offered', calls([['get_weather', '{"city":"Paris"}']]), { tools: TOOLS }, { valid: true }],
    ['a function the request did not offer', calls([['get_time', '{}']]), { tools: TOOLS }, { valid: false, reason: 'unknown_tool' }],
    ['any name without a tools list', calls([['get_time', '{}']]), {}, { valid: true }],
    ['arguments missing a required parameter', calls([['get_weather', '{"town":"Paris"}']]), { tools: TOOLS }, { valid: false, reason: 'tool_schema_mismatch' }],
    ['arguments of the wrong type', calls([['get_weather', '{"city":7}']]), { tools: TOOLS }, { valid: false, reason: 'tool_schema_mismatch' }],
    ['a tool without parameters takes any object', calls([['ping', '{"x":1}']]), { tools: TOOLS }, { valid: true }],
    ['truncated calls report truncated', { ...calls([['get_weather', '{"city":"Pa']]), finishReason: 'length' }, { tools: TOOLS }, { valid: false, reason: 'truncated' }],
    ['cancelled calls report cancelled', { ...calls([['get_weather', '{}']]), finishReason: 'cancelled' }, { tools: TOOLS }, { valid: false, reason: 'cancelled' }],
    ['an empty call list is a text answer', candidate({ text: '', toolCalls: [] }), {}, { valid: false, reason: 'empty' }],
  ];

  it.each(table)('%s', (_name, input, options, expected) => {
    expect(validateCandidate(input, options)).toEqual(expected);
  });
});

describe('DROP_REASONS_LEAST_BAD_FIRST', () => {
  it('lists every reason once, content-bearing ones first', () => {
    expect([...DROP_REASONS_LEAST_BAD_FIRST]).toEqual([
      'schema_mismatch',
      'tool_schema_mismatch',
      'invalid_json',
      'invalid_tool_arguments',
      'unknown_tool',
      'truncated',
      'looping',
      'cancelled',
      'error',
      'empty',
    ]);
    expect(badnessOf('schema_mismatch')).toBeLessThan(badnessOf('empty'));
  });
});
