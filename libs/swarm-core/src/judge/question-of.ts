import type { Prompt } from '../generation/generation-request';

/** What the judge is told the question was: the last user turn of a chat, or the raw text. */
export function questionOf(prompt: Prompt): string {
  if (prompt.kind === 'text') return prompt.text;
  const users = prompt.messages.filter((message) => message.role === 'user');
  return users[users.length - 1]?.content ?? '';
}
