import type { JsonSchemaObject } from './tool-request';

/**
 * A constraint on the answer's form beyond free text: OpenAI's `response_format` of type
 * `json_schema` (`json_object` stays the older `GenerationRequest.json` flag).
 */
export interface OutputFormat {
  readonly kind: 'json_schema';
  /** The schema's name as the client gave it (`json_schema.name`). */
  readonly name: string;
  /** The JSON Schema every answer must match. */
  readonly schema: JsonSchemaObject;
  /** OpenAI's `strict`: the answer must match exactly (the grammar enforces it either way). */
  readonly strict: boolean;
}
