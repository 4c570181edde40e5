import type { OpenAiChoice, OpenAiCompletion } from '../messages/openai-completion';
import { openAiLogprobs } from './openai-logprobs';
import { openAiToolCalls } from './openai-tool-calls';
import { isPlainObject } from './validate-dto';

/** More choices than any request asks for: a reply with more is garbage. */
const MAX_CHOICES = 64;
const MAX_MODEL_ID_LENGTH = 256;

/** A completion reply of an OpenAI-compatible server, or null when it has no usable choices. */
export function parseOpenAiCompletion(body: unknown, kind: 'chat' | 'text'): OpenAiCompletion | null {
  const choices = parseChoices(body, kind);
  if (choices === null || !isPlainObject(body)) return null;
  const model = body['model'];
  return {
    choices,
    model: typeof model === 'string' && model.length <= MAX_MODEL_ID_LENGTH ? model : null,
    usage: usageOf(body['usage']),
  };
}

/**
 * Reads `choices` defensively: `message.content` and `message.tool_calls` of a chat (content may
 * be null when the choice only calls tools), `text` of a text completion, and `logprobs` when sent.
 */
export function parseChoices(data: unknown, kind: 'chat' | 'text'): OpenAiChoice[] | null {
  if (typeof data !== 'object' || data === null) return null;
  const choices = (data as { choices?: unknown }).choices;
  if (!Array.isArray(choices) || choices.length === 0 || choices.length > MAX_CHOICES) return null;
  const parsed: OpenAiChoice[] = [];
  for (const choice of choices as unknown[]) {
    const read = isPlainObject(choice) ? readChoice(choice, kind) : null;
    if (read === null) return null;
    parsed.push(read);
  }
  return parsed;
}

function readChoice(choice: Readonly<Record<string, unknown>>, kind: 'chat' | 'text'): OpenAiChoice | null {
  const message = isPlainObject(choice['message']) ? choice['message'] : {};
  const toolCalls = kind === 'chat' ? openAiToolCalls(message['tool_calls']) : undefined;
  const content = kind === 'chat' ? message['content'] : choice['text'];
  const text = content === null && toolCalls !== undefined ? '' : content;
  if (typeof text !== 'string' || toolCalls === null) return null;
  const logprobs = openAiLogprobs(choice['logprobs']);
  return {
    text,
    finishReason: choice['finish_reason'] === 'length' ? 'length' : 'stop',
    ...(toolCalls !== undefined && { toolCalls }),
    ...(logprobs !== undefined && { logprobs }),
  };
}

/** `error.param` of an OpenAI-shaped error body (JSON text), if any. */
export function openAiErrorParam(text: string): string | null {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return null;
  }
  const error = isPlainObject(body) ? body['error'] : undefined;
  const param = isPlainObject(error) ? error['param'] : undefined;
  return typeof param === 'string' ? param : null;
}

function usageOf(usage: unknown): { promptTokens: number; completionTokens: number } {
  const read = (key: string): number => {
    const value = isPlainObject(usage) ? usage[key] : undefined;
    return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : 0;
  };
  return { promptTokens: read('prompt_tokens'), completionTokens: read('completion_tokens') };
}
