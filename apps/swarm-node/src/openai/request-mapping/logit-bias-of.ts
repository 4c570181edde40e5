import type { TokenVocabulary } from '@local-swarm/swarm-core';
import { OpenAiHttpError } from '../../http/openai-error';

/**
 * `logit_bias` keyed by token id, each id checked against the loaded model: one outside its
 * vocabulary, or an end-of-generation token (which llama.cpp never biases, so the bias would be
 * silently ignored), is a 400 naming the id.
 */
export function logitBiasOf(bias: Readonly<Record<string, number>>, vocabulary: TokenVocabulary): Record<number, number> {
  const byToken: Record<number, number> = {};
  for (const [key, value] of Object.entries(bias)) {
    const id = Number(key);
    const field = `logit_bias.${key}`;
    if (!Number.isSafeInteger(id) || id < 0 || id >= vocabulary.size) {
      throw OpenAiHttpError.invalidRequest(
        `${field}: token id ${key} is not in this model's vocabulary (ids 0..${vocabulary.size - 1})`,
        field,
        'invalid_logit_bias',
      );
    }
    if (vocabulary.isEndOfGeneration(id)) {
      throw OpenAiHttpError.invalidRequest(
        `${field}: token ${key} ends generation, and this node's sampler cannot bias it; use max_tokens or stop instead`,
        field,
        'invalid_logit_bias',
      );
    }
    byToken[id] = value;
  }
  return byToken;
}
