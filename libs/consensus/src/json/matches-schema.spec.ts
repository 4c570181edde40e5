import type { JsonSchemaSubset } from './json-schema-subset';
import { findSchemaMismatch, jsonEquals } from './matches-schema';

describe('findSchemaMismatch', () => {
  const person: JsonSchemaSubset = {
    type: 'object',
    required: ['name'],
    properties: {
      name: { type: 'string' },
      age: { type: 'integer' },
      tags: { type: 'array', items: { type: 'string', enum: ['a', 'b'] } },
      score: { type: ['number', 'null'] },
    },
  };

  const table: readonly (readonly [string, unknown, JsonSchemaSubset, string | null])[] = [
    ['matching object', { name: 'x', age: 3, tags: ['a'], score: null }, person, null],
    ['extra properties are allowed', { name: 'x', other: 1 }, person, null],
    ['missing required', { age: 3 }, person, '$.name'],
    ['wrong property type', { name: 1 }, person, '$.name'],
    ['integer rejects a fraction', { name: 'x', age: 1.5 }, person, '$.age'],
    ['number accepts an integer', { name: 'x', score: 2 }, person, null],
    ['items checked one by one', { name: 'x', tags: ['a', 'c'] }, person, '$.tags[1]'],
    ['top-level type', [1], person, '$'],
    ['array is not object', [], { type: 'object' }, '$'],
    ['null is not object', null, { type: 'object' }, '$'],
    ['enum with deep equality', { k: [1, 2] }, { enum: [{ k: [1, 2] }] }, null],
    ['enum miss', 'c', { enum: ['a', 'b'] }, '$'],
    ['empty schema accepts anything', { any: 'thing' }, {}, null],
    ['boolean', true, { type: 'boolean' }, null],
  ];

  it.each(table)('%s', (_name, value, schema, expected) => {
    expect(findSchemaMismatch(value, schema)).toBe(expected);
  });
});

describe('jsonEquals', () => {
  it.each([
    [{ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 }, true],
    [{ a: 1 }, { a: 1, b: 2 }, false],
    [[1, 2], [2, 1], false],
    [null, {}, false],
    [[], {}, false],
  ])('%j vs %j -> %s', (a, b, expected) => {
    expect(jsonEquals(a, b)).toBe(expected);
  });
});
