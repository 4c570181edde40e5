import type { VoteTokenLogprob, VoteTopLogprob } from '../messages/vote-token-logprob';
import { FEDERATION_LIMITS as L } from '../protocol/protocol-constants';
import { isPlainObject } from './validate-dto';

/**
 * A choice's `logprobs` as an OpenAI-compatible server sends them, read defensively: the chat
 * form (`{ content: [{ token, logprob, bytes, top_logprobs }] }`) or the legacy completions form
 * (`{ tokens, token_logprobs, top_logprobs: [{ token: logprob }] }`). Undefined when absent, out
 * of bounds or unreadable: log-probabilities are carried for the client, never judged, so a
 * server's odd ones cost the client them, not the vote its choices.
 */
export function openAiLogprobs(logprobs: unknown): VoteTokenLogprob[] | undefined {
  if (!isPlainObject(logprobs)) return undefined;
  const entries = Array.isArray(logprobs['content']) ? chatEntries(logprobs['content']) : legacyEntries(logprobs);
  return entries !== null && entries.length <= L.maxTokensMax ? entries : undefined;
}

function chatEntries(content: readonly unknown[]): VoteTokenLogprob[] | null {
  const entries: VoteTokenLogprob[] = [];
  for (const item of content) {
    const chosen = alternative(item);
    if (chosen === null || !isPlainObject(item)) return null;
    const top = item['top_logprobs'] ?? [];
    if (!Array.isArray(top) || top.length > L.topLogprobsMax) return null;
    const alternatives = top.map(alternative);
    if (alternatives.some((found) => found === null)) return null;
    entries.push({ ...chosen, top: alternatives.filter((found): found is VoteTopLogprob => found !== null) });
  }
  return entries;
}

function legacyEntries(logprobs: Readonly<Record<string, unknown>>): VoteTokenLogprob[] | null {
  const tokens = logprobs['tokens'];
  const values = logprobs['token_logprobs'];
  const tops = logprobs['top_logprobs'] ?? [];
  if (!Array.isArray(tokens) || !Array.isArray(values) || !Array.isArray(tops) || values.length !== tokens.length) return null;
  const entries: VoteTokenLogprob[] = [];
  for (const [index, token] of tokens.entries()) {
    const chosen = alternative({ token, logprob: values[index] });
    const top: unknown = tops[index] ?? {};
    if (chosen === null || !isPlainObject(top) || Object.keys(top).length > L.topLogprobsMax) return null;
    const alternatives = Object.entries(top).map(([text, logprob]) => alternative({ token: text, logprob }));
    if (alternatives.some((found) => found === null)) return null;
    entries.push({ ...chosen, top: alternatives.filter((found): found is VoteTopLogprob => found !== null) });
  }
  return entries;
}

/** One token with its log-probability; its bytes are the token's UTF-8 when the server sends none. */
function alternative(item: unknown): VoteTopLogprob | null {
  if (!isPlainObject(item)) return null;
  const { token, logprob, bytes } = item;
  if (typeof token !== 'string' || token.length > L.tokenTextMaxLength) return null;
  if (typeof logprob !== 'number' || !Number.isFinite(logprob) || logprob > 0) return null;
  if (bytes == null) return { token, logprob, bytes: [...Buffer.from(token, 'utf8')] };
  if (!Array.isArray(bytes) || bytes.length > 4 * L.tokenTextMaxLength || !bytes.every(isByte)) return null;
  return { token, logprob, bytes: [...bytes] };
}

function isByte(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 255;
}
