import { createHash, timingSafeEqual } from 'node:crypto';

/** What a key may be: long enough to resist guessing, in characters every client can send in a header. */
export const API_KEY_PATTERN = /^[A-Za-z0-9._~+/=-]{32,}$/;

function digestOf(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/**
 * The node's API key, kept only as its SHA-256 digest. Comparing digests of equal length with
 * `timingSafeEqual` takes the same time whatever the presented key is, so answer times tell an
 * attacker nothing about how much of a guess was right (or how long the key is).
 */
export class ApiKey {
  readonly #digest: Buffer;

  constructor(key: string) {
    this.#digest = digestOf(key);
  }

  matches(presented: string): boolean {
    return timingSafeEqual(digestOf(presented), this.#digest);
  }

  /** Never the key itself, should the object end up in a log line or an error. */
  toJSON(): string {
    return '[api key]';
  }
}
