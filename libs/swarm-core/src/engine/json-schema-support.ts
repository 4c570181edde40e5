import type { JsonSchemaObject } from '../generation/tool-request';

/** A part of a JSON Schema the output grammar cannot enforce. */
export interface UnsupportedSchemaKeyword {
  /** The keyword, e.g. "pattern" (or "type" where a schema says too little to be enforced). */
  readonly keyword: string;
  /** JSON Pointer (RFC 6901) of the schema object holding it; "" is the root. */
  readonly at: string;
  /** Why, in words an error message can quote. */
  readonly reason: string;
}

/** Keywords that only annotate: they never change which values are valid, so ignoring them is honest. */
const ANNOTATIONS = ['description', 'title', '$schema', '$id', '$comment', 'examples', 'default', 'deprecated', 'readOnly', 'writeOnly'];

/**
 * Keywords node-llama-cpp 3.22's GbnfJsonSchema accepts, per kind of schema. Its converter picks
 * the kind in this order ($ref, oneOf, const, enum, then type) and silently ignores every other
 * keyword, so a schema using one would be promised but not enforced.
 */
const ALLOWED: Readonly<Record<SchemaKind, readonly string[]>> = {
  ref: ['$ref', '$defs'],
  oneOf: ['oneOf', '$defs'],
  const: ['const'],
  enum: ['enum'],
  object: ['type', 'properties', 'additionalProperties', 'minProperties', 'maxProperties', 'required', '$defs'],
  array: ['type', 'items', 'prefixItems', 'minItems', 'maxItems', '$defs'],
  string: ['type', 'minLength', 'maxLength'],
  formatString: ['type', 'format'],
  basic: ['type'],
};

type SchemaKind = 'ref' | 'oneOf' | 'const' | 'enum' | 'object' | 'array' | 'string' | 'formatString' | 'basic';

const BASIC_TYPES = ['string', 'number', 'integer', 'boolean', 'null'];
const STRING_FORMATS = ['date-time', 'time', 'date'];
const REF_PREFIX = '#/$defs/';

/**
 * Every keyword of `schema` that the JSON-schema grammar of node-llama-cpp cannot enforce, with
 * where it is; empty when the grammar enforces the whole schema. The API layer answers 400
 * naming the first one rather than accept a schema it would only partly honour.
 */
export function unsupportedSchemaKeywords(schema: JsonSchemaObject): UnsupportedSchemaKeyword[] {
  const found: UnsupportedSchemaKeyword[] = [];
  visit(schema, '', new Set(), found);
  return found;
}

function visit(value: unknown, at: string, defsInScope: ReadonlySet<string>, found: UnsupportedSchemaKeyword[]): void {
  if (!isObject(value)) {
    found.push({ keyword: 'type', at, reason: 'a schema must be an object (boolean schemas are not supported)' });
    return;
  }
  const kind = kindOf(value);
  if (kind === undefined) {
    found.push({ keyword: 'type', at, reason: typeProblem(value.type) });
    return;
  }
  const defs = isObject(value.$defs) ? value.$defs : {};
  const scope = ALLOWED[kind].includes('$defs') ? new Set([...defsInScope, ...Object.keys(defs)]) : defsInScope;
  for (const keyword of Object.keys(value)) {
    if (ANNOTATIONS.includes(keyword) || ALLOWED[kind].includes(keyword)) continue;
    found.push({ keyword, at, reason: `"${keyword}" is not supported here by the output grammar` });
  }
  if (ALLOWED[kind].includes('$defs')) visitEach(defs, `${at}/$defs`, scope, found);
  switch (kind) {
    case 'ref':
      return checkRef(value.$ref, at, scope, found);
    case 'oneOf':
      return visitList(value.oneOf, `${at}/oneOf`, 'oneOf', scope, found);
    case 'const':
      return checkLiteral(value.const, at, 'const', found);
    case 'enum':
      if (!Array.isArray(value.enum)) return void found.push({ keyword: 'enum', at, reason: '"enum" must be an array' });
      return value.enum.forEach((item, index) => checkLiteral(item, `${at}/enum/${index}`, 'enum', found));
    case 'object':
      return visitObject(value, at, scope, found);
    case 'array':
      if (value.items !== undefined) visit(value.items, `${at}/items`, scope, found);
      if (value.prefixItems !== undefined) visitList(value.prefixItems, `${at}/prefixItems`, 'prefixItems', scope, found);
      return;
    case 'formatString':
      if (typeof value.format !== 'string' || !STRING_FORMATS.includes(value.format)) {
        found.push({ keyword: 'format', at, reason: `"format" must be one of ${STRING_FORMATS.join(', ')}` });
      }
      return;
    case 'string':
    case 'basic':
      return;
  }
}

function visitObject(value: Readonly<Record<string, unknown>>, at: string, scope: ReadonlySet<string>, found: UnsupportedSchemaKeyword[]): void {
  const properties = value.properties === undefined ? {} : value.properties;
  if (!isObject(properties)) return void found.push({ keyword: 'properties', at, reason: '"properties" must be an object' });
  visitEach(properties, `${at}/properties`, scope, found);
  const additional = value.additionalProperties;
  if (additional !== undefined && typeof additional !== 'boolean') visit(additional, `${at}/additionalProperties`, scope, found);
  // The grammar writes every listed property, which satisfies any `required` naming only those.
  const required: unknown = value.required;
  if (required === undefined) return;
  if (!Array.isArray(required)) return void found.push({ keyword: 'required', at, reason: '"required" must be an array' });
  for (const name of required) {
    if (typeof name !== 'string' || !Object.hasOwn(properties, name)) {
      found.push({ keyword: 'required', at, reason: `"required" names ${JSON.stringify(name)}, which "properties" does not define` });
    }
  }
}

function kindOf(schema: Readonly<Record<string, unknown>>): SchemaKind | undefined {
  if (typeof schema.$ref === 'string') return 'ref';
  if (schema.oneOf != null) return 'oneOf';
  if (schema.const !== undefined) return 'const';
  if (schema.enum != null) return 'enum';
  if (schema.type === 'object') return 'object';
  if (schema.type === 'array') return 'array';
  if (schema.type === 'string') return schema.format == null ? 'string' : 'formatString';
  const types: unknown[] = Array.isArray(schema.type) ? schema.type : [schema.type];
  return types.length > 0 && types.every((type) => typeof type === 'string' && BASIC_TYPES.includes(type)) ? 'basic' : undefined;
}

function typeProblem(type: unknown): string {
  if (type === undefined) return 'a schema needs "type", "const", "enum", "oneOf" or "$ref" (an unconstrained value is not supported)';
  if (Array.isArray(type)) return `a list of types may hold only ${BASIC_TYPES.join(', ')}`;
  return `"type" ${JSON.stringify(type)} is not supported`;
}

function checkRef(ref: unknown, at: string, scope: ReadonlySet<string>, found: UnsupportedSchemaKeyword[]): void {
  const name = typeof ref === 'string' && ref.startsWith(REF_PREFIX) ? ref.slice(REF_PREFIX.length) : undefined;
  if (name === undefined || !scope.has(name)) {
    found.push({ keyword: '$ref', at, reason: `"$ref" must point to a "${REF_PREFIX}<name>" defined in an enclosing "$defs"` });
  }
}

function checkLiteral(value: unknown, at: string, keyword: string, found: UnsupportedSchemaKeyword[]): void {
  if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) return;
  found.push({ keyword, at, reason: `"${keyword}" values must be strings, numbers, booleans or null` });
}

function visitList(list: unknown, at: string, keyword: string, scope: ReadonlySet<string>, found: UnsupportedSchemaKeyword[]): void {
  if (!Array.isArray(list)) return void found.push({ keyword, at, reason: `"${keyword}" must be an array of schemas` });
  list.forEach((item, index) => visit(item, `${at}/${index}`, scope, found));
}

function visitEach(schemas: Readonly<Record<string, unknown>>, at: string, scope: ReadonlySet<string>, found: UnsupportedSchemaKeyword[]): void {
  for (const [name, schema] of Object.entries(schemas)) visit(schema, `${at}/${escapePointer(name)}`, scope, found);
}

/** RFC 6901: "~" and "/" in a name are written "~0" and "~1". */
function escapePointer(name: string): string {
  return name.replaceAll('~', '~0').replaceAll('/', '~1');
}

function isObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
