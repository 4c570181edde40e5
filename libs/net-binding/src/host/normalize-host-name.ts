import { isIP } from 'node:net';

/** DNS labels (letters, digits, `-`, `_`), dot-separated; one trailing dot (the DNS root) allowed. */
const HOST_NAME = /^[a-z0-9_-]{1,63}(?:\.[a-z0-9_-]{1,63})*\.?$/;

/** RFC 1035: at most 253 characters without the trailing dot. */
const MAX_NAME_LENGTH = 253;

/**
 * A host as the allow-list compares it: a DNS name in lower case without its trailing dot
 * (`Box.Local.` → `box.local`), or an IPv4/IPv6 literal (IPv6 bare or in brackets, no zone).
 * Null for anything else: a port, a path, userinfo, spaces, percent-escapes.
 */
export function normalizeHostName(value: string): string | null {
  const unbracketed = value.startsWith('[') && value.endsWith(']') ? value.slice(1, -1) : value;
  if (unbracketed !== value || value.includes(':')) {
    return isIP(unbracketed) === 6 && !unbracketed.includes('%') ? unbracketed.toLowerCase() : null;
  }
  const lower = value.toLowerCase();
  if (!HOST_NAME.test(lower)) return null;
  const name = lower.endsWith('.') ? lower.slice(0, -1) : lower;
  return name.length <= MAX_NAME_LENGTH ? name : null;
}
