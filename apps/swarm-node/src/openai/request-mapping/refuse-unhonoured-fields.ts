import { OpenAiHttpError } from '../../http/openai-error';

/**
 * Fields OpenAI defines that change the answer and that this node cannot honour: refused by name
 * rather than ignored, so a client never takes an answer for one it did not get. Harmless
 * metadata (`user`, `store`, `metadata`, `service_tier`) is accepted and ignored.
 */
const UNHONOURED_CHAT_FIELDS: Readonly<Record<string, string>> = {
  audio: 'audio output is not supported (this node serves text-only models)',
  prediction: 'predicted outputs are not supported',
  web_search_options: 'web search is not supported',
  reasoning_effort: 'reasoning effort is not supported by the local model',
};

/** Refuses the chat fields of UNHONOURED_CHAT_FIELDS, and `modalities` other than ["text"]. */
export function refuseUnhonouredChatFields(body: object): void {
  const fields = body as Readonly<Record<string, unknown>>;
  for (const [field, reason] of Object.entries(UNHONOURED_CHAT_FIELDS)) {
    if (fields[field] !== undefined && fields[field] !== null) throw unhonoured(field, reason);
  }
  const modalities = fields['modalities'];
  const textOnly = Array.isArray(modalities) && modalities.length === 1 && modalities[0] === 'text';
  if (modalities !== undefined && modalities !== null && !textOnly) {
    throw unhonoured('modalities', 'only ["text"] is supported (this node serves text-only models)');
  }
}

/**
 * /v1/completions: `suffix` (fill-in-the-middle), `best_of` other than 1 (the consensus picks the
 * answer), and `echo` with `logprobs` (the prompt's own log-probabilities are not computed).
 */
export function refuseUnhonouredTextFields(body: { readonly suffix?: string; readonly echo?: boolean; readonly logprobs?: number }): void {
  if (body.suffix !== undefined) throw unhonoured('suffix', 'fill-in-the-middle (suffix) is not supported');
  const bestOf = (body as Readonly<Record<string, unknown>>)['best_of'];
  if (bestOf !== undefined && bestOf !== null && bestOf !== 1) {
    throw unhonoured('best_of', 'best_of is not supported: the consensus among the instances picks the answer (see strategy)');
  }
  if (body.echo === true && body.logprobs !== undefined) {
    throw unhonoured('logprobs', 'logprobs with echo is not supported: the prompt tokens’ log-probabilities are not computed');
  }
}

function unhonoured(field: string, reason: string): OpenAiHttpError {
  return OpenAiHttpError.invalidRequest(`${field}: ${reason}`, field, 'unsupported_parameter');
}
