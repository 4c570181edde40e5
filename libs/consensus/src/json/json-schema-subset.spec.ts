import { isJsonSchemaSubset } from './json-schema-subset';

describe('isJsonSchemaSubset', () => {
  it.each([
    [{}, true],
    [{ type: 'object', properties: { a: { type: 'string' } }, required: ['a'] }, true],
    [{ type: ['string', 'null'] }, true],
    [{ type: 'array', items: { enum: [1, 2] } }, true],
    [{ additionalProperties: false, minLength: 2 }, true],
    [null, false],
    [[], false],
    [{ type: 'text' }, false],
    [{ type: [] }, false],
    [{ required: 'a' }, false],
    [{ properties: { a: { type: 'nope' } } }, false],
    [{ items: 'string' }, false],
    [{ enum: 'a' }, false],
  ])('%j -> %s', (value, expected) => {
    expect(isJsonSchemaSubset(value)).toBe(expected);
  });
});
