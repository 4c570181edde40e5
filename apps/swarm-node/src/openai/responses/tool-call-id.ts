import { randomInt } from 'node:crypto';

const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** An id for a returned tool call in OpenAI's form: "call_" and 24 random base62 characters. */
export function newToolCallId(): string {
  return `call_${Array.from({ length: 24 }, () => BASE62.charAt(randomInt(BASE62.length))).join('')}`;
}
