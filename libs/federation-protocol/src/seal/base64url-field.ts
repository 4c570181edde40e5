const BASE64URL_PATTERN = /^[A-Za-z0-9_-]*$/;

/** Characters of the unpadded base64url of `bytes` bytes. */
export function base64urlLength(bytes: number): number {
  return Math.ceil((bytes * 4) / 3);
}

/**
 * True when `value` is the canonical unpadded base64url of exactly `bytes` bytes. The length is
 * checked before anything is decoded, and a non-canonical spelling (unused low bits set) is
 * refused, so one byte string has one spelling.
 */
export function isBase64urlOfLength(value: unknown, bytes: number): value is string {
  return typeof value === 'string' && value.length === base64urlLength(bytes) && isCanonicalBase64url(value);
}

/** Canonical unpadded base64url of any length (`Buffer.from(…, 'base64url')` alone would accept anything). */
export function isCanonicalBase64url(value: string): boolean {
  if (value.length % 4 === 1 || !BASE64URL_PATTERN.test(value)) return false;
  return Buffer.from(value, 'base64url').toString('base64url') === value;
}
