/** What a benchmark needs from an OpenAI-shaped completion reply (text or chat). */
export interface CompletionReply {
  /** The first choice's text (`text`, or `message.content` for chat). */
  readonly text: string;
  readonly finishReason: string;
  /** `usage.completion_tokens`: the tokens of the returned choice(s). */
  readonly completionTokens: number;
  /** `consensus.usage.completion_tokens`: the tokens of every candidate of the vote (the returned ones when the reply has no consensus). */
  readonly voteCompletionTokens: number;
  readonly promptTokens: number;
}

/**
 * Reads a `/v1/completions` or `/v1/chat/completions` reply; a reply of another shape (an error
 * body, say) comes back as `{ ok: false }` with a short reason, never as an exception.
 */
export function readCompletionReply(body: unknown): { ok: true; reply: CompletionReply } | { ok: false; reason: string } {
  if (!isRecord(body)) return { ok: false, reason: 'reply is not a JSON object' };
  if (isRecord(body['error'])) return { ok: false, reason: `error reply: ${String(body['error']['message'])}` };
  const choices = body['choices'];
  const first: unknown = Array.isArray(choices) ? choices[0] : undefined;
  const usage = body['usage'];
  if (!isRecord(first) || !isRecord(usage)) return { ok: false, reason: 'reply has no choices or no usage' };
  const message = first['message'];
  const text = typeof first['text'] === 'string' ? first['text'] : isRecord(message) ? message['content'] : undefined;
  const finishReason = first['finish_reason'];
  const completionTokens = usage['completion_tokens'];
  const promptTokens = usage['prompt_tokens'];
  if (typeof text !== 'string' || typeof finishReason !== 'string') return { ok: false, reason: 'choice has no text or finish_reason' };
  if (typeof completionTokens !== 'number' || typeof promptTokens !== 'number') return { ok: false, reason: 'usage has no token counts' };
  const consensus = body['consensus'];
  const voteTokens = isRecord(consensus) && isRecord(consensus['usage']) ? consensus['usage']['completion_tokens'] : undefined;
  const voteCompletionTokens = typeof voteTokens === 'number' ? voteTokens : completionTokens;
  return { ok: true, reply: { text, finishReason, completionTokens, voteCompletionTokens, promptTokens } };
}

/** `load` of a node's `GET /health`: busy instances and queued requests, or null when absent. */
export function readHealthLoad(body: unknown): { busyInstances: number; queuedRequests: number } | null {
  if (!isRecord(body) || !isRecord(body['load'])) return null;
  const busy = body['load']['busy_instances'];
  const queued = body['load']['queued_requests'];
  return typeof busy === 'number' && typeof queued === 'number' ? { busyInstances: busy, queuedRequests: queued } : null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
