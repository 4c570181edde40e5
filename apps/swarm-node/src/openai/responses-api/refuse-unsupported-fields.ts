import { OpenAiHttpError } from '../../http/openai-error';

/**
 * Responses API fields this node cannot honour, and why. The node keeps no conversation state,
 * so nothing can refer to an earlier response or be stored for later; the others would change
 * the output in ways a local model run does not support. Each is refused naming the field,
 * never silently dropped; a field set to its neutral value passes.
 */
const UNSUPPORTED: readonly { readonly field: string; readonly neutral: (value: unknown) => boolean; readonly why: string }[] = [
  { field: 'previous_response_id', neutral: isNothing, why: 'this node keeps no conversation state; send the whole conversation as input' },
  { field: 'store', neutral: (value) => isNothing(value) || value === false, why: 'this node keeps no conversation state and stores no responses; send store: false' },
  { field: 'conversation', neutral: isNothing, why: 'this node keeps no conversation state; send the whole conversation as input' },
  { field: 'background', neutral: (value) => isNothing(value) || value === false, why: 'this node answers while the request is open, never in the background' },
  { field: 'prompt', neutral: isNothing, why: 'this node has no stored prompt templates' },
  { field: 'reasoning', neutral: isNothing, why: 'this node has no reasoning settings' },
  { field: 'include', neutral: (value) => isNothing(value) || (Array.isArray(value) && value.length === 0), why: 'this node returns no extra output data' },
  { field: 'top_logprobs', neutral: (value) => isNothing(value) || value === 0, why: 'this node returns no logprobs on /v1/responses' },
  { field: 'truncation', neutral: (value) => isNothing(value) || value === 'disabled', why: 'this node never truncates the input; a prompt that does not fit is refused' },
  { field: 'max_tool_calls', neutral: isNothing, why: 'this node does not limit built-in tool calls (it runs none)' },
];

/** Throws an OpenAI-shaped 400 for the first field of the body this node cannot honour. */
export function refuseUnsupportedFields(body: object): void {
  const fields = body as Readonly<Record<string, unknown>>;
  for (const { field, neutral, why } of UNSUPPORTED) {
    if (!neutral(fields[field])) throw OpenAiHttpError.invalidRequest(`${field} is not supported: ${why}`, field, 'unsupported_parameter');
  }
}

function isNothing(value: unknown): boolean {
  return value === undefined || value === null;
}
