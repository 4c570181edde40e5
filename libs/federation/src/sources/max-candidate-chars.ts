/**
 * Characters allowed per generated token in a peer's candidate. Tokens of common vocabularies
 * average a few characters and their longest (runs of spaces or `=` in code vocabularies) stay
 * well under this, so an honest peer never comes near the cap.
 */
export const MAX_CHARS_PER_TOKEN = 64;

/**
 * The longest candidate text this node accepts from a peer for a request of `maxTokens` tokens.
 * Longer ones are dropped: a peer answering 256 tokens with a megabyte is not generating, and its
 * text would cost memory, logs and consensus work on every node that keeps it.
 */
export function maxCandidateChars(maxTokens: number): number {
  return Math.max(1, maxTokens) * MAX_CHARS_PER_TOKEN;
}
