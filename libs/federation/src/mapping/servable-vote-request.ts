import { findJsonSchemaProblem } from '@local-swarm/consensus';
import {
  FederationErrorCode,
  parseVoteRequest,
  type FederationParseError,
  type ParseResult,
  type ReceivedVoteRequest,
  type VoteJsonSchema,
} from '@local-swarm/federation-protocol';
import { checkToolHistory, MAX_TOOL_SCHEMA_BYTES, unsupportedSchemaKeywords } from '@local-swarm/swarm-core';

/**
 * Parses a vote request body (parseVoteRequest) and refuses, with FEDERATION_ERR_INVALID_MESSAGE
 * naming the field, one this node could not serve as asked: a schema (the format's, a tool's
 * parameters) its output grammar cannot enforce or its consensus cannot compile, tools whose
 * parameters together exceed MAX_TOOL_SCHEMA_BYTES, or a chat whose tool turns do not pair up.
 * Better refused than served with part of the request ignored: the origin would count the votes.
 */
export function parseServableVoteRequest(body: unknown, protocol?: number): ParseResult<ReceivedVoteRequest> {
  const parsed = parseVoteRequest(body, protocol);
  if (!parsed.ok) return parsed;
  const problem = servingProblem(parsed.value);
  return problem === null ? parsed : { ok: false, error: problem };
}

function servingProblem(request: ReceivedVoteRequest): FederationParseError | null {
  if (request.format !== undefined) {
    const problem = schemaProblem(request.format.schema, 'format.schema');
    if (problem !== null) return problem;
  }
  const tools = request.tools?.tools ?? [];
  for (const [index, tool] of tools.entries()) {
    const problem = tool.parameters === undefined ? null : schemaProblem(tool.parameters, `tools.tools[${index}].parameters`);
    if (problem !== null) return problem;
  }
  const schemaBytes = tools.reduce((sum, tool) => sum + (tool.parameters === undefined ? 0 : Buffer.byteLength(JSON.stringify(tool.parameters), 'utf8')), 0);
  if (schemaBytes > MAX_TOOL_SCHEMA_BYTES) return invalid('tools.tools', `tools.tools: the parameters take ${schemaBytes} bytes, at most ${MAX_TOOL_SCHEMA_BYTES} together`);
  if (request.prompt.kind === 'chat') {
    const history = checkToolHistory(request.prompt.messages);
    // checkToolHistory names the field as `messages[i].…: why`; here the messages are the prompt's.
    if (history !== null) return invalid(`prompt.${history.slice(0, Math.max(0, history.indexOf(': ')))}`, `prompt.${history}`);
  }
  return null;
}

function schemaProblem(schema: VoteJsonSchema, param: string): FederationParseError | null {
  const [unsupported] = unsupportedSchemaKeywords(schema);
  if (unsupported !== undefined) return invalid(param, `${param}: "${unsupported.keyword}" at "${unsupported.at}": ${unsupported.reason}`);
  const problem = findJsonSchemaProblem(schema);
  // findJsonSchemaProblem words its reason to follow the field's name.
  return problem === null ? null : invalid(param, `${param} ${problem}`);
}

function invalid(param: string, message: string): FederationParseError {
  return { code: FederationErrorCode.INVALID_MESSAGE, message, param };
}
