import type { FunctionTool, JsonSchemaObject, ToolRequest } from '../generation/tool-request';
import type { ChatModelFunctions, GbnfJsonSchema } from '../engine/llama-types';

/**
 * The functions the chat template documents in the prompt, or undefined for none. With
 * `choice: "none"` no function is documented (rather than documented and forbidden), so the
 * model has no call syntax to imitate; a named choice documents only that function.
 */
export function chatModelFunctions(tools: ToolRequest | undefined): ChatModelFunctions | undefined {
  const offered = offeredTools(tools);
  if (offered.length === 0) return undefined;
  return Object.fromEntries(
    offered.map((tool) => [
      tool.name,
      { ...(tool.description !== undefined ? { description: tool.description } : {}), params: paramsSchemaOf(tool) },
    ]),
  );
}

/** The tools the model may call under the request's choice (none for `none`). */
export function offeredTools(tools: ToolRequest | undefined): readonly FunctionTool[] {
  if (tools === undefined || tools.choice === 'none') return [];
  const { choice } = tools;
  if (typeof choice === 'object') return tools.tools.filter((tool) => tool.name === choice.name);
  return tools.tools;
}

/** A tool without parameters takes the empty object, as OpenAI's are called with `{}`. */
const NO_PARAMETERS: JsonSchemaObject = { type: 'object', properties: {} };

/**
 * A tool's parameters schema, typed as node-llama-cpp's schema for documenting and compiling it:
 * the API layer has checked it is JSON Schema, and the grammar refuses what its subset lacks.
 */
export function paramsSchemaOf(tool: FunctionTool): JsonSchemaObject & GbnfJsonSchema {
  return (tool.parameters ?? NO_PARAMETERS) as JsonSchemaObject & GbnfJsonSchema;
}
