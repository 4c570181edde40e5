import { OpenAiHttpError } from '../../http/openai-error';

/** A chat message as /v1/chat/completions takes it (plain JSON, validated there). */
export interface ChatMessageBody {
  readonly role: string;
  readonly content: string | null;
  readonly tool_calls?: readonly { readonly id: unknown; readonly type: 'function'; readonly function: { readonly name: unknown; readonly arguments: unknown } }[];
  readonly tool_call_id?: unknown;
}

const MESSAGE_ROLES = ['user', 'system', 'developer', 'assistant'];
/** Text parts: the client's own, and an earlier answer's as the Responses API returned it. */
const TEXT_PART_TYPES = ['input_text', 'output_text'];

/**
 * The chat messages of a Responses request: `instructions` first as a system message, then the
 * `input` (a text is one user message; items are messages, a model's function calls (consecutive
 * ones form one assistant turn) and their outputs as tool messages). Errors name the item.
 */
export function chatMessagesOfInput(input: unknown, instructions: string | undefined): ChatMessageBody[] {
  const messages: ChatMessageBody[] = instructions === undefined ? [] : [{ role: 'system', content: instructions }];
  if (typeof input === 'string') return [...messages, { role: 'user', content: input }];
  if (!Array.isArray(input) || input.length === 0) throw OpenAiHttpError.invalidRequest('input must be a string or a non-empty array of items', 'input');
  input.forEach((item: unknown, index) => {
    const param = `input[${index}]`;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) throw OpenAiHttpError.invalidRequest(`${param} must be an object`, param);
    const fields = item as Readonly<Record<string, unknown>>;
    const type = fields['type'] ?? 'message';
    if (type === 'message') messages.push(messageOf(fields, param));
    else if (type === 'function_call') addCall(messages, fields);
    else if (type === 'function_call_output') messages.push({ role: 'tool', tool_call_id: fields['call_id'], content: textOf(fields['output'], `${param}.output`) });
    else throw OpenAiHttpError.invalidRequest(`${param}.type must be message, function_call or function_call_output, got ${JSON.stringify(type)}`, `${param}.type`);
  });
  return messages;
}

function messageOf(fields: Readonly<Record<string, unknown>>, param: string): ChatMessageBody {
  const role = fields['role'];
  if (typeof role !== 'string' || !MESSAGE_ROLES.includes(role)) {
    throw OpenAiHttpError.invalidRequest(`${param}.role must be one of: ${MESSAGE_ROLES.join(', ')}`, `${param}.role`);
  }
  return { role, content: textOf(fields['content'], `${param}.content`) };
}

/** A string, or text parts joined; other parts (images, files) cannot be read by a text model. */
function textOf(content: unknown, param: string): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) throw OpenAiHttpError.invalidRequest(`${param} must be a string or an array of input_text parts`, param);
  return content
    .map((part: unknown, index) => {
      const fields = typeof part === 'object' && part !== null ? (part as Readonly<Record<string, unknown>>) : {};
      const text = fields['text'];
      if (typeof fields['type'] !== 'string' || !TEXT_PART_TYPES.includes(fields['type']) || typeof text !== 'string') {
        throw OpenAiHttpError.invalidRequest(`${param}[${index}] must be an {"type": "input_text", "text": string} part (this node serves text-only models)`, `${param}[${index}]`);
      }
      return text;
    })
    .join('');
}

/** Adds a function call to the assistant turn just before it, or starts one. */
function addCall(messages: ChatMessageBody[], fields: Readonly<Record<string, unknown>>): void {
  const call = { id: fields['call_id'], type: 'function' as const, function: { name: fields['name'], arguments: fields['arguments'] } };
  const last = messages.at(-1);
  if (last?.role === 'assistant' && last.tool_calls !== undefined) {
    messages[messages.length - 1] = { ...last, tool_calls: [...last.tool_calls, call] };
  } else {
    messages.push({ role: 'assistant', content: null, tool_calls: [call] });
  }
}
