import type { VoteJsonSchema } from './vote-output-format';

/** One function the model may call (swarm-core's `FunctionTool`). */
export interface VoteTool {
  readonly name: string;
  readonly description?: string;
  /** JSON Schema of the arguments object; undefined: no arguments. */
  readonly parameters?: VoteJsonSchema;
}

/** `none`: never call; `auto`: the model chooses; `required`: at least one call; `{ name }`: exactly this function. */
export type VoteToolChoice = 'none' | 'auto' | 'required' | { readonly name: string };

/** Tools the voters may call (swarm-core's `ToolRequest`). */
export interface VoteToolRequest {
  readonly tools: readonly VoteTool[];
  readonly choice: VoteToolChoice;
  /** Whether one answer may hold several calls. */
  readonly parallel: boolean;
}
