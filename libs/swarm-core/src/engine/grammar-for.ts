import type { GenerationRequest } from '../generation/generation-request';
import type { JsonSchemaObject } from '../generation/tool-request';

/**
 * What constrains a candidate's output, as data: the engine compiles it into a grammar for the
 * model (once per distinct value, see GrammarCache). New constraints add a kind here.
 */
export type OutputGrammar =
  /** Any JSON object or array (OpenAI's `response_format: json_object`). */
  | { readonly kind: 'json' }
  /** A value matching this schema (OpenAI's `response_format: json_schema`). */
  | { readonly kind: 'json_schema'; readonly schema: JsonSchemaObject };

/** The grammar every candidate of `request` generates under; undefined: free text. */
export function grammarFor(request: GenerationRequest): OutputGrammar | undefined {
  // A schema is the stricter form of JSON mode: it takes its place when both are given.
  if (request.format !== undefined) return { kind: 'json_schema', schema: request.format.schema };
  if (request.json === true) return { kind: 'json' };
  return undefined;
}
