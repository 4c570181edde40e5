import type { CandidateToolCall } from '../candidate/candidate';
import { requireSchemaCheck } from '../json/require-schema-check';
import type { ConsensusTool } from '../options/tool-options';
import type { DropReason } from '../validation/drop-reason';
import { parseToolArguments } from './parse-tool-arguments';

/**
 * Why these calls cannot be handed to the client, or null when they can. Checked call by call in
 * order, first failure wins: a name not offered (or empty), arguments that are not a JSON object,
 * arguments not matching the function's `parameters`. Without `tools` any non-empty name passes:
 * the caller did not say which functions exist.
 */
export function findToolCallProblem(
  calls: readonly CandidateToolCall[],
  tools: readonly ConsensusTool[] | undefined,
): DropReason | null {
  for (const call of calls) {
    const index = tools?.findIndex((tool) => tool.name === call.name) ?? -1;
    const tool = tools?.[index];
    if (call.name === '' || (tools !== undefined && tool === undefined)) return 'unknown_tool';
    const args = parseToolArguments(call.arguments);
    if (args === undefined) return 'invalid_tool_arguments';
    if (tool?.parameters !== undefined && requireSchemaCheck(tool.parameters, `tools[${index}].parameters`)(args) !== null) {
      return 'tool_schema_mismatch';
    }
  }
  return null;
}
