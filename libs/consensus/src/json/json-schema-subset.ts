/**
 * The part of JSON Schema that JSON mode checks: `type`, `properties`, `required`, `items`, `enum`.
 *
 * Why a subset and not ajv: these five keywords cover what "answer in this JSON shape" needs, and a
 * 60-line validator keeps the lib at one runtime dependency (fuzzball). Other keywords
 * (`additionalProperties`, `minLength`, `$ref`...) are accepted and ignored, so a full schema sent
 * by an API client can be passed as is: the check is then more permissive, never stricter.
 */
export type JsonSchemaType = 'object' | 'array' | 'string' | 'number' | 'integer' | 'boolean' | 'null';

export const JSON_SCHEMA_TYPES: readonly JsonSchemaType[] = Object.freeze([
  'object',
  'array',
  'string',
  'number',
  'integer',
  'boolean',
  'null',
] as const);

export interface JsonSchemaSubset {
  readonly type?: JsonSchemaType | readonly JsonSchemaType[];
  readonly properties?: Readonly<Record<string, JsonSchemaSubset>>;
  readonly required?: readonly string[];
  readonly items?: JsonSchemaSubset;
  readonly enum?: readonly unknown[];
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isSchemaType(value: unknown): value is JsonSchemaType {
  return typeof value === 'string' && (JSON_SCHEMA_TYPES as readonly string[]).includes(value);
}

/**
 * Narrows untrusted input (e.g. `response_format.json_schema.schema` from a request) to a
 * JsonSchemaSubset: the five keywords it knows must be well formed; unknown keywords are allowed.
 * Lets the app reject a bad schema with a 400 before calling decide(), which throws on one.
 */
export function isJsonSchemaSubset(value: unknown): value is JsonSchemaSubset {
  if (!isPlainObject(value)) return false;
  const { type, properties, required, items } = value;
  if (type !== undefined) {
    const ok = Array.isArray(type) ? type.length > 0 && type.every(isSchemaType) : isSchemaType(type);
    if (!ok) return false;
  }
  if (properties !== undefined) {
    if (!isPlainObject(properties)) return false;
    if (!Object.values(properties).every(isJsonSchemaSubset)) return false;
  }
  if (required !== undefined) {
    if (!Array.isArray(required) || !required.every((key) => typeof key === 'string')) return false;
  }
  if (items !== undefined && !isJsonSchemaSubset(items)) return false;
  if (value['enum'] !== undefined && !Array.isArray(value['enum'])) return false;
  return true;
}
