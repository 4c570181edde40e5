/**
 * Tool calling, independent of HTTP: what the API layer gives the engine (OpenAI's `tools`,
 * `tool_choice`, `parallel_tool_calls`, and the legacy `functions` / `function_call` mapped onto
 * them) and what a candidate that calls tools produces.
 */

/** A JSON Schema object, as the client sent it (validated by the API layer, never executed). */
export type JsonSchemaObject = Readonly<Record<string, unknown>>;

/** One function the model may call. */
export interface FunctionTool {
  /** OpenAI's rule: a-z, A-Z, 0-9, underscores and dashes, at most 64 characters. */
  readonly name: string;
  readonly description?: string;
  /** JSON Schema of the arguments object; undefined: no arguments (`{}`). */
  readonly parameters?: JsonSchemaObject;
}

/**
 * - `none`: answer in text, never call;
 * - `auto`: the model chooses text or calls;
 * - `required`: at least one call;
 * - `{ name }`: exactly this function.
 */
export type ToolChoice = 'none' | 'auto' | 'required' | { readonly name: string };

export interface ToolRequest {
  readonly tools: readonly FunctionTool[];
  readonly choice: ToolChoice;
  /** Whether one answer may hold several calls (OpenAI's `parallel_tool_calls`, default true). */
  readonly parallel: boolean;
}

/** A call the model made: the function's name and its arguments as JSON text (an object). */
export interface ToolCall {
  /** OpenAI's `call_…` id: given by the API layer to a returned call, echoed back in history. */
  readonly id: string;
  readonly name: string;
  /** JSON text of the arguments object, e.g. `{"city":"Paris"}`. */
  readonly arguments: string;
}
