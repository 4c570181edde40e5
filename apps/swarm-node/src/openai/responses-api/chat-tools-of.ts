import { OpenAiHttpError } from '../../http/openai-error';

/** `tools` and `tool_choice` as /v1/chat/completions takes them (plain JSON, validated there). */
export interface ChatToolFields {
  readonly tools?: readonly { readonly type: 'function'; readonly function: Readonly<Record<string, unknown>> }[];
  readonly tool_choice?: unknown;
}

const CHOICE_WORDS = ['none', 'auto', 'required'];

/**
 * The Responses API's flat function tools (`{type: "function", name, description, parameters,
 * strict}`) and its `tool_choice` (`{type: "function", name}`) in the chat shape. Built-in tools
 * (web search, files, computer use) do not exist on this node: refused naming the item.
 */
export function chatToolsOf(tools: unknown, toolChoice: unknown): ChatToolFields {
  return { ...(tools !== undefined ? { tools: chatToolList(tools) } : {}), ...(toolChoice !== undefined ? { tool_choice: chatToolChoice(toolChoice) } : {}) };
}

function chatToolList(tools: unknown): NonNullable<ChatToolFields['tools']> {
  if (!Array.isArray(tools)) throw OpenAiHttpError.invalidRequest('tools must be an array', 'tools');
  return tools.map((tool: unknown, index) => {
    const fields = typeof tool === 'object' && tool !== null ? (tool as Readonly<Record<string, unknown>>) : {};
    if (fields['type'] !== 'function') {
      throw OpenAiHttpError.invalidRequest(`tools[${index}].type must be function: this node runs no built-in tools`, `tools[${index}].type`, 'unsupported_tool');
    }
    return { type: 'function', function: { name: fields['name'], description: fields['description'], parameters: fields['parameters'], strict: fields['strict'] } };
  });
}

function chatToolChoice(choice: unknown): unknown {
  if (typeof choice === 'string' && CHOICE_WORDS.includes(choice)) return choice;
  const fields = typeof choice === 'object' && choice !== null ? (choice as Readonly<Record<string, unknown>>) : {};
  if (fields['type'] === 'function' && typeof fields['name'] === 'string') return { type: 'function', function: { name: fields['name'] } };
  throw OpenAiHttpError.invalidRequest('tool_choice must be none, auto, required or {"type": "function", "name": string}', 'tool_choice');
}
