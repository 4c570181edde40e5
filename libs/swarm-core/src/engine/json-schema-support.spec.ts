import { unsupportedSchemaKeywords } from './json-schema-support';

describe('unsupportedSchemaKeywords', () => {
  it.each([
    ['an object of a string and an integer', { type: 'object', properties: { city: { type: 'string' }, population: { type: 'integer' } }, required: ['city', 'population'] }],
    ['annotations anywhere', { title: 'T', $schema: 'x', description: 'd', type: 'string', minLength: 1, maxLength: 5 }],
    ['an array with prefix items and bounds', { type: 'array', prefixItems: [{ type: 'number' }], items: { type: 'boolean' }, minItems: 1, maxItems: 3 }],
    ['a list of basic types', { type: ['string', 'null'] }],
    ['enum and const of scalars', { type: 'object', properties: { a: { enum: ['x', 1, null] }, b: { const: true } } }],
    ['oneOf', { oneOf: [{ type: 'string' }, { type: 'null' }] }],
    ['a date format', { type: 'string', format: 'date-time' }],
    ['additionalProperties as a schema', { type: 'object', additionalProperties: { type: 'number' }, minProperties: 1 }],
    ['$ref into $defs', { type: 'object', $defs: { n: { type: 'number' } }, properties: { a: { $ref: '#/$defs/n' } } }],
  ])('accepts %s', (_name, schema) => {
    expect(unsupportedSchemaKeywords(schema)).toEqual([]);
  });

  it.each([
    ['pattern on a string', { type: 'object', properties: { name: { type: 'string', pattern: '^a' } } }, { keyword: 'pattern', at: '/properties/name' }],
    ['minimum on a number', { type: 'number', minimum: 0 }, { keyword: 'minimum', at: '' }],
    ['anyOf', { anyOf: [{ type: 'string' }] }, { keyword: 'type', at: '' }],
    ['an unknown format', { type: 'string', format: 'email' }, { keyword: 'format', at: '' }],
    ['lengths beside a format (ignored by the grammar)', { type: 'string', format: 'date', minLength: 3 }, { keyword: 'minLength', at: '' }],
    ['an empty schema (would allow only null)', { type: 'object', properties: { a: {} } }, { keyword: 'type', at: '/properties/a' }],
    ['object among a list of types', { type: ['object', 'null'] }, { keyword: 'type', at: '' }],
    ['an object in an enum', { enum: [{ a: 1 }] }, { keyword: 'enum', at: '/enum/0' }],
    ['a required name with no property', { type: 'object', properties: { a: { type: 'string' } }, required: ['b'] }, { keyword: 'required', at: '' }],
    ['a $ref outside $defs', { type: 'object', properties: { a: { $ref: '#/definitions/n' } } }, { keyword: '$ref', at: '/properties/a' }],
    ['a boolean schema', { type: 'array', items: true }, { keyword: 'type', at: '/items' }],
    ['a pointer with "/" in a name', { type: 'object', properties: { 'a/b': { type: 'string', pattern: 'x' } } }, { keyword: 'pattern', at: '/properties/a~1b' }],
  ])('refuses %s, naming the keyword and where', (_name, schema, expected) => {
    const [first] = unsupportedSchemaKeywords(schema);
    expect(first).toMatchObject(expected);
    expect(first?.reason).toEqual(expect.any(String));
  });

  it('lists every unsupported keyword, nested ones included', () => {
    const schema = { type: 'object', properties: { a: { type: 'integer', minimum: 1, maximum: 9 }, b: { type: 'array', items: { type: 'string', pattern: 'x' }, uniqueItems: true } } };
    expect(unsupportedSchemaKeywords(schema).map((found) => `${found.at}:${found.keyword}`)).toEqual([
      '/properties/a:minimum',
      '/properties/a:maximum',
      '/properties/b:uniqueItems',
      '/properties/b/items:pattern',
    ]);
  });
});
