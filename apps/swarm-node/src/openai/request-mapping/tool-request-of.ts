import { MAX_TOOL_SCHEMA_BYTES, type FunctionTool, type ToolChoice, type ToolRequest } from '@local-swarm/swarm-core';
import { OpenAiHttpError } from '../../http/openai-error';
import type { ChatCompletionRequestDto } from '../dto/chat-completion-request.dto';
import type { FunctionDefinitionDto } from '../dto/tool-definition.dto';
import type { FunctionCallField, ToolChoiceField } from '../dto/tool-choice.validators';
import { assertEnforceableSchema } from './assert-enforceable-schema';

/** The request's tools, and whether it used the legacy `functions` (answered in the legacy shape). */
export interface MappedTools {
  readonly tools?: ToolRequest;
  readonly legacyFunctions: boolean;
}

/**
 * `tools` / `tool_choice` / `parallel_tool_calls`, or the legacy `functions` / `function_call`,
 * as one ToolRequest; every refusal names its field. Without tools (or with an empty list) the
 * request has none, and a choice that needs a function is refused.
 */
export function toolRequestOf(body: ChatCompletionRequestDto): MappedTools {
  if (body.tools !== undefined && body.functions !== undefined) {
    throw OpenAiHttpError.invalidRequest('functions: give tools or the legacy functions, not both', 'functions');
  }
  if (body.tool_choice !== undefined && body.function_call !== undefined) {
    throw OpenAiHttpError.invalidRequest('function_call: give tool_choice or the legacy function_call, not both', 'function_call');
  }
  const legacyFunctions = body.functions !== undefined || body.function_call !== undefined;
  const field = legacyFunctions ? 'functions' : 'tools';
  const definitions = body.functions ?? (body.tools ?? []).map((tool) => tool.function);
  const choiceField = legacyFunctions ? 'function_call' : 'tool_choice';
  const choice = legacyFunctions ? legacyChoiceOf(body.function_call) : choiceOf(body.tool_choice);
  if (definitions.length === 0) {
    if (choice === 'none' || choice === 'auto') return { legacyFunctions };
    throw OpenAiHttpError.invalidRequest(`${choiceField} asks for a call, but the request offers no ${field}`, choiceField);
  }
  // The size first: it bounds the cost of checking each schema.
  checkSchemaBytes(definitions, field);
  const tools = definitions.map((definition, index) => functionToolOf(definition, fieldOf(field, index)));
  checkNames(tools, field);
  if (typeof choice === 'object' && !tools.some((tool) => tool.name === choice.name)) {
    throw OpenAiHttpError.invalidRequest(`${choiceField} names the function '${choice.name}', which ${field} does not offer`, choiceField);
  }
  // A legacy function_call answer holds one call.
  const parallel = legacyFunctions ? false : (body.parallel_tool_calls ?? true);
  return { tools: { tools, choice, parallel }, legacyFunctions };
}

function choiceOf(field: ToolChoiceField | undefined): ToolChoice {
  if (field === undefined) return 'auto';
  return typeof field === 'string' ? field : { name: field.function.name };
}

function legacyChoiceOf(field: FunctionCallField | undefined): ToolChoice {
  if (field === undefined) return 'auto';
  return typeof field === 'string' ? field : { name: field.name };
}

function fieldOf(field: 'tools' | 'functions', index: number): string {
  return field === 'tools' ? `tools[${index}].function` : `functions[${index}]`;
}

function functionToolOf(definition: FunctionDefinitionDto, field: string): FunctionTool {
  if (definition.parameters !== undefined) assertEnforceableSchema(definition.parameters, `${field}.parameters`);
  return {
    name: definition.name,
    ...(definition.description !== undefined ? { description: definition.description } : {}),
    ...(definition.parameters !== undefined ? { parameters: definition.parameters } : {}),
  };
}

function checkNames(tools: readonly FunctionTool[], field: 'tools' | 'functions'): void {
  const seen = new Set<string>();
  for (const [index, tool] of tools.entries()) {
    const nameField = `${fieldOf(field, index)}.name`;
    if (seen.has(tool.name)) throw OpenAiHttpError.invalidRequest(`${nameField}: '${tool.name}' is offered twice`, nameField);
    seen.add(tool.name);
  }
}

function checkSchemaBytes(definitions: readonly FunctionDefinitionDto[], field: 'tools' | 'functions'): void {
  const bytes = definitions.reduce((sum, definition) => sum + Buffer.byteLength(JSON.stringify(definition.parameters ?? {}), 'utf8'), 0);
  if (bytes > MAX_TOOL_SCHEMA_BYTES) {
    throw OpenAiHttpError.invalidRequest(
      `${field}: the parameter schemas hold ${bytes} bytes together; at most ${MAX_TOOL_SCHEMA_BYTES} are accepted`,
      field,
    );
  }
}
