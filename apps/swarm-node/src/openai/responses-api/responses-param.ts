import { OpenAiHttpError } from '../../http/openai-error';

/** Chat request fields and the Responses API fields a client sent them as. */
const RESPONSES_NAMES: readonly (readonly [chat: string, responses: string])[] = [
  ['max_completion_tokens', 'max_output_tokens'],
  ['max_tokens', 'max_output_tokens'],
  ['response_format.json_schema', 'text.format'],
  ['response_format', 'text.format'],
  ['messages', 'input'],
];

/**
 * An error of the shared chat path, its `param` renamed to the field the Responses client sent
 * (an error naming `max_completion_tokens` would point a /v1/responses client at nothing it wrote).
 */
export function withResponsesParam(error: unknown): unknown {
  if (!(error instanceof OpenAiHttpError) || error.param === null) return error;
  const param = error.param;
  const names = RESPONSES_NAMES.find(([chat]) => param === chat || param.startsWith(`${chat}.`) || param.startsWith(`${chat}[`));
  if (names === undefined) return error;
  const [chat, responses] = names;
  const renamed = `${responses}${param.slice(chat.length)}`;
  return new OpenAiHttpError(error.status, error.type, error.message.replaceAll(chat, responses), renamed, error.code, error.headers);
}
