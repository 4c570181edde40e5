import type { JsonSchemaSubset, JsonSchemaType } from './json-schema-subset';

function typeOf(value: unknown): JsonSchemaType {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  if (typeof value === 'object') return 'object';
  return typeof value === 'boolean' ? 'boolean' : 'string';
}

function typeMatches(value: unknown, expected: JsonSchemaType): boolean {
  const actual = typeOf(value);
  // JSON Schema: every integer is also a number.
  return actual === expected || (expected === 'number' && actual === 'integer');
}

/** Structural equality of two JSON values (what `enum` needs). */
export function jsonEquals(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => jsonEquals(item, b[i]));
  }
  const aRecord = a as Record<string, unknown>;
  const bRecord = b as Record<string, unknown>;
  const aKeys = Object.keys(aRecord);
  if (aKeys.length !== Object.keys(bRecord).length) return false;
  return aKeys.every((key) => Object.hasOwn(bRecord, key) && jsonEquals(aRecord[key], bRecord[key]));
}

/**
 * Does a parsed JSON value satisfy the schema subset? Returns the JSON-pointer-like path of the
 * first mismatch (for notes), or null when it matches.
 */
export function findSchemaMismatch(value: unknown, schema: JsonSchemaSubset, path = '$'): string | null {
  if (schema.type !== undefined) {
    const types: readonly JsonSchemaType[] = typeof schema.type === 'string' ? [schema.type] : schema.type;
    if (!types.some((type) => typeMatches(value, type))) return path;
  }
  if (schema.enum !== undefined && !schema.enum.some((allowed) => jsonEquals(allowed, value))) return path;
  if (typeOf(value) === 'object') {
    const record = value as Record<string, unknown>;
    for (const key of schema.required ?? []) {
      if (!Object.hasOwn(record, key)) return `${path}.${key}`;
    }
    for (const [key, propertySchema] of Object.entries(schema.properties ?? {})) {
      if (!Object.hasOwn(record, key)) continue;
      const mismatch = findSchemaMismatch(record[key], propertySchema, `${path}.${key}`);
      if (mismatch !== null) return mismatch;
    }
  }
  if (Array.isArray(value) && schema.items !== undefined) {
    for (const [i, item] of value.entries()) {
      const mismatch = findSchemaMismatch(item, schema.items, `${path}[${i}]`);
      if (mismatch !== null) return mismatch;
    }
  }
  return null;
}
