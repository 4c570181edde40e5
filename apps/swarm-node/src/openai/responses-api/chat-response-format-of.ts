import { OpenAiHttpError } from '../../http/openai-error';

/**
 * `text.format` in the chat shape (`response_format`): text and json_object as they are, a
 * json_schema format's flat fields (`name`, `schema`, `strict`, `description`) under
 * `json_schema`. Undefined: free text.
 */
export function chatResponseFormatOf(text: unknown): unknown {
  if (text === undefined || text === null) return undefined;
  if (typeof text !== 'object' || Array.isArray(text)) throw OpenAiHttpError.invalidRequest('text must be an object', 'text');
  const format = (text as Readonly<Record<string, unknown>>)['format'];
  if (format === undefined || format === null) return undefined;
  const fields = typeof format === 'object' && !Array.isArray(format) ? (format as Readonly<Record<string, unknown>>) : {};
  const { type, ...schema } = fields;
  if (type === 'text' || type === 'json_object') return { type };
  if (type === 'json_schema') return { type, json_schema: schema };
  throw OpenAiHttpError.invalidRequest('text.format.type must be text, json_object or json_schema', 'text.format.type');
}
