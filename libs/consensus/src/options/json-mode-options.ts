import type { JsonSchemaSubset } from '../json/json-schema-subset';

/** JSON mode: the answer must be a JSON object/array, matching `schema` when one is given. */
export interface JsonModeOptions {
  /** When given, the parsed value must match it (type/properties/required/items/enum). */
  readonly schema?: JsonSchemaSubset | undefined;
}
