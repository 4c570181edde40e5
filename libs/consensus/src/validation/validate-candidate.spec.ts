import type { Candidate } from '../candidate/candidate';
import type { JsonSchemaSubset } from '../json/json-schema-subset';
import { candidate } from '../testing/candidate-fixture';
import { badnessOf, DROP_REASONS_LEAST_BAD_FIRST } from './drop-reason';
import { validateCandidate, type CandidateValidation } from './validate-candidate';

const SCHEMA: JsonSchemaSubset = {
  type: 'object',
  required: ['city', 'population'],
  properties: { city: { type: 'string' }, population: { type: 'integer' } },
};

const LOOP = 'I hope this helps! '.repeat(6);

describe('validateCandidate', () => {
  const table: readonly (readonly [string, Candidate, { json?: { schema?: JsonSchemaSubset } }, CandidateValidation])[] = [
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
  ];

  it.each(table)('%s', (_name, input, options, expected) => {
    expect(validateCandidate(input, options)).toEqual(expected);
  });
});

describe('DROP_REASONS_LEAST_BAD_FIRST', () => {
  it('lists every reason once, content-bearing ones first', () => {
    expect([...DROP_REASONS_LEAST_BAD_FIRST]).toEqual([
      'schema_mismatch',
      'invalid_json',
      'truncated',
      'looping',
      'cancelled',
      'error',
      'empty',
    ]);
    expect(badnessOf('schema_mismatch')).toBeLessThan(badnessOf('empty'));
  });
});
