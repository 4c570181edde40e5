import type { JsonSchema } from '../json/json-schema';

/**
 * A function the candidates may call, as the request offered it. When the caller lists its tools,
 * a call to any other name is dropped (`unknown_tool`), and a call whose arguments do not match
 * `parameters` is dropped (`tool_schema_mismatch`).
 */
export interface ConsensusTool {
  readonly name: string;
  /** JSON Schema of the arguments object; undefined: any JSON object is accepted. */
  readonly parameters?: JsonSchema | undefined;
}
