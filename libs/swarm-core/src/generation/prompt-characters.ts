import type { Prompt } from './generation-request';

/**
 * Characters of a prompt that tokenization must cover, counted without tokenizing: the text, or
 * every message's content without the surrounding whitespace a chat template may trim. The
 * template's own text is left out: it only adds tokens.
 */
export function promptCharacters(prompt: Prompt): number {
  if (prompt.kind === 'text') return prompt.text.length;
  return prompt.messages.reduce((sum, message) => sum + message.content.trim().length, 0);
}
