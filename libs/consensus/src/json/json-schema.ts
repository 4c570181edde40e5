import { compileJsonSchema } from './compile-json-schema';

/**
 * A JSON Schema as an API client sends it (OpenAI's `response_format.json_schema.schema`, a tool's
 * `parameters`): a JSON object, draft 2020-12 unless its `$schema` names draft-07. Never executed:
 * only compiled by ajv to validate answers.
 */
export type JsonSchema = Readonly<Record<string, unknown>>;

/**
 * Why `value` cannot be used as a JSON Schema here, or null when it can: not an object, beyond
 * COST_BOUNDS.schema (64 KB, 32 levels), another draft, invalid against its meta-schema, or not
 * compilable (an unresolvable `$ref`, a bad `pattern`). The reason is a phrase to put after the
 * field's name, so an API can answer `400 response_format.json_schema.schema is larger than ...`
 * before calling decide(), which throws CONSENSUS_ERR_INVALID_SCHEMA on such a schema.
 */
export function findJsonSchemaProblem(value: unknown): string | null {
  const compilation = compileJsonSchema(value);
  return compilation.ok ? null : compilation.problem;
}

/** Narrows untrusted input to a JsonSchema that decide() accepts (see findJsonSchemaProblem). */
export function isValidJsonSchema(value: unknown): value is JsonSchema {
  return findJsonSchemaProblem(value) === null;
}
