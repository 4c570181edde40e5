import { COST_BOUNDS } from '../bounds/cost-bounds';
import { compileJsonSchema, type SchemaCheck } from './compile-json-schema';

function checkOf(schema: unknown): SchemaCheck {
  const compilation = compileJsonSchema(schema);
  if (!compilation.ok) throw new Error(`expected a schema, got: ${compilation.problem}`);
  return compilation.check;
}

function problemOf(schema: unknown): string {
  const compilation = compileJsonSchema(schema);
  return compilation.ok ? 'compiled' : compilation.problem;
}

/** A schema nesting `levels` objects inside `properties` (each level adds two JSON levels). */
function nested(levels: number): Record<string, unknown> {
  let schema: Record<string, unknown> = { type: 'string' };
  for (let i = 0; i < levels; i++) schema = { type: 'object', properties: { a: schema } };
  return schema;
}

describe('compileJsonSchema', () => {
  const person = {
    type: 'object',
    required: ['name'],
    properties: {
      name: { type: 'string' },
      age: { type: 'integer' },
      tags: { type: 'array', items: { type: 'string', enum: ['a', 'b'] } },
      score: { type: ['number', 'null'] },
    },
  };

  const table: readonly (readonly [string, unknown, object, 'match' | RegExp])[] = [
    ['matching object', { name: 'x', age: 3, tags: ['a'], score: null }, person, 'match'],
    ['extra properties are allowed by default', { name: 'x', other: 1 }, person, 'match'],
    ['missing required', { age: 3 }, person, /^\/ must have required property 'name'$/],
    ['wrong property type', { name: 1 }, person, /^\/name must be string$/],
    ['integer rejects a fraction', { name: 'x', age: 1.5 }, person, /^\/age must be integer$/],
    ['number accepts an integer', { name: 'x', score: 2 }, person, 'match'],
    ['items checked one by one', { name: 'x', tags: ['a', 'c'] }, person, /^\/tags\/1 must be equal to one of the allowed values$/],
    ['enum with deep equality', { k: [1, 2] }, { enum: [{ k: [1, 2] }] }, 'match'],
    // Keywords the old five-keyword subset ignored are now enforced.
    ['additionalProperties: false', { name: 'x', other: 1 }, { ...person, additionalProperties: false }, /must NOT have additional properties/],
    ['minLength', { name: '' }, { properties: { name: { type: 'string', minLength: 1 } } }, /must NOT have fewer than 1 characters/],
    ['$defs and $ref', { a: 'x' }, { properties: { a: { $ref: '#/$defs/n' } }, $defs: { n: { type: 'number' } } }, /^\/a must be number$/],
    ['a recursive $ref', { kids: [{ kids: [{ kids: 1 }] }] }, { type: 'object', properties: { kids: { type: 'array', items: { $ref: '#' } } } }, /kids must be array/],
    ['format is checked', { at: 'yesterday' }, { properties: { at: { type: 'string', format: 'date-time' } } }, /must match format "date-time"/],
    ['a valid format', { at: '2026-01-02T03:04:05Z' }, { properties: { at: { type: 'string', format: 'date-time' } } }, 'match'],
    ['unknown keywords are ignored (strict: false)', { a: 1 }, { title: 'T', 'x-extra': true, strict: true }, 'match'],
    [
      'draft-07 when $schema names it (definitions)',
      { a: 1 },
      { $schema: 'http://json-schema.org/draft-07/schema#', properties: { a: { $ref: '#/definitions/s' } }, definitions: { s: { type: 'string' } } },
      /^\/a must be string$/,
    ],
    ['draft-07 spelled with https and no #', { a: 1 }, { $schema: 'https://json-schema.org/draft-07/schema', properties: { a: { type: 'string' } } }, /^\/a must be string$/],
    ['draft 2020-12 named explicitly', [1, 'x'], { $schema: 'https://json-schema.org/draft/2020-12/schema', prefixItems: [{ type: 'integer' }, { type: 'integer' }] }, /^\/1 must be integer$/],
  ];

  it.each(table)('%s', (_name, value, schema, expected) => {
    const result = checkOf(schema)(value);
    if (expected === 'match') expect(result).toBeNull();
    else expect(result).toMatch(expected);
  });

  it.each([
    ['not an object', [], 'must be a JSON object'],
    ['null', null, 'must be a JSON object'],
    ['an unknown type', { type: 'text' }, /^is not a valid JSON Schema: schema\/type must be equal to one of the allowed values/],
    ['required that is not a list', { required: 'a' }, /^is not a valid JSON Schema: schema\/required must be array/],
    ['an unresolvable $ref', { $ref: '#/$defs/missing' }, /^cannot be compiled: can't resolve reference #\/\$defs\/missing/],
    ['a remote $ref (never fetched)', { $ref: 'https://example.com/schema.json' }, /^cannot be compiled: can't resolve reference/],
    ['a bad pattern', { type: 'string', pattern: '(' }, /^is not a valid JSON Schema: schema\/pattern must match format "regex"|^cannot be compiled: Invalid regular expression/],
    ['another draft', { $schema: 'http://json-schema.org/draft-04/schema#' }, 'names a $schema other than draft 2020-12 or draft-07'],
    ['a $schema that is not a string', { $schema: 7 }, 'names a $schema other than draft 2020-12 or draft-07'],
  ])('refuses %s', (_name, schema, expected) => {
    expect(problemOf(schema)).toMatch(expected);
  });

  it(`refuses a schema nested deeper than ${COST_BOUNDS.schema.maxDepth} levels, and a cyclic object`, () => {
    expect(problemOf(nested(15))).toBe('compiled'); // 31 levels of JSON
    expect(problemOf(nested(16))).toBe(`nests deeper than ${COST_BOUNDS.schema.maxDepth} levels`);
    const cyclic: Record<string, unknown> = { type: 'object' };
    cyclic['properties'] = { self: cyclic };
    expect(problemOf(cyclic)).toBe(`nests deeper than ${COST_BOUNDS.schema.maxDepth} levels`);
  });

  it(`refuses a schema larger than ${COST_BOUNDS.schema.maxBytes} bytes of JSON`, () => {
    const large = (length: number): object => ({ description: 'x'.repeat(length) });
    const overhead = JSON.stringify(large(0)).length;
    expect(problemOf(large(COST_BOUNDS.schema.maxBytes - overhead))).toBe('compiled');
    expect(problemOf(large(COST_BOUNDS.schema.maxBytes - overhead + 1))).toBe(`is larger than ${COST_BOUNDS.schema.maxBytes} bytes`);
  });

  it('compiles equal schemas once, whatever their key order, and keeps a private copy', () => {
    const schema: Record<string, unknown> = { type: 'object', required: ['a'] };
    const first = compileJsonSchema(schema);
    expect(compileJsonSchema({ required: ['a'], type: 'object' })).toBe(first);
    schema['required'] = ['b'];
    if (!first.ok) throw new Error('expected a schema');
    expect(first.check({ a: 1 })).toBeNull();
  });

  it('lets schemas reuse one $id, each compiled on its own', () => {
    expect(checkOf({ $id: 'https://example.com/s', type: 'string' })('x')).toBeNull();
    expect(checkOf({ $id: 'https://example.com/s', type: 'number' })('x')).toMatch(/must be number/);
  });
});
