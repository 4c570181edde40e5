import type { GenerationRequest } from '../generation/generation-request';
import type { JsonSchemaObject, ToolRequest } from '../generation/tool-request';
import { requiresToolCall } from '../tools/requires-tool-call';

/**
 * What constrains a candidate's output, as data: the engine compiles it into a grammar for the
 * model (once per distinct value, see GrammarCache). New constraints add a kind here.
 */
export type OutputGrammar =
  /** Any JSON object or array (OpenAI's `response_format: json_object`). */
  | { readonly kind: 'json' }
  /** A value matching this schema (OpenAI's `response_format: json_schema`). */
  | { readonly kind: 'json_schema'; readonly schema: JsonSchemaObject }
  /** A call to one of the offered tools, in the chat template's syntax (`required` or a named tool). */
  | { readonly kind: 'tool_calls'; readonly tools: ToolRequest };

/** The grammar every candidate of `request` generates under; undefined: free text. */
export function grammarFor(request: GenerationRequest): OutputGrammar | undefined {
  // A required call is the whole answer: a response format applies to text answers only.
  if (requiresToolCall(request.tools)) return { kind: 'tool_calls', tools: request.tools };
  // A schema is the stricter form of JSON mode: it takes its place when both are given.
  if (request.format !== undefined) return { kind: 'json_schema', schema: request.format.schema };
  if (request.json === true) return { kind: 'json' };
  return undefined;
}
