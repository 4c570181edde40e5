import type { JsonSchema } from '../json/json-schema';

/** JSON mode: the answer must be a JSON object/array, matching `schema` when one is given. */
export interface JsonModeOptions {
  /** When given, the parsed value must match this JSON Schema (validated by ajv, see the README). */
  readonly schema?: JsonSchema | undefined;
}
