import type { ToolRequest } from '../generation/tool-request';

/** Whether every answer must be a call (`required` or a named function), so a grammar makes it one. */
export function requiresToolCall(tools: ToolRequest | undefined): tools is ToolRequest {
  return tools !== undefined && (tools.choice === 'required' || typeof tools.choice === 'object');
}
