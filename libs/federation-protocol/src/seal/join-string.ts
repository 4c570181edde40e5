import { createHash } from 'node:crypto';
import { KeyFileErrorCode, keyFileError, type KeyFileResult } from '../identity/key-file-error';
import { SWARM_KEY_BYTES, SwarmKey } from './swarm-key';

/** Prefix of a join string; the digit is the format's version. */
export const JOIN_STRING_PREFIX = 'lsjoin1:';

/** Bytes of SHA-256(key) appended as a checksum: a typo goes unnoticed once in 4 billion. */
const CHECKSUM_BYTES = 4;

/** Base64url characters after the prefix: 36 bytes encode to exactly 48 characters, no padding. */
const PAYLOAD_CHARS = ((SWARM_KEY_BYTES + CHECKSUM_BYTES) / 3) * 4;
const BASE64URL_PATTERN = /^[A-Za-z0-9_-]*$/;
const VERSIONED_PREFIX_PATTERN = /^lsjoin(\d+):/;

/**
 * What `local-swarm key show` prints and `--join` reads: `lsjoin1:` + base64url(key ‖ first 4
 * bytes of SHA-256(key)), 56 characters. It carries the secret key: treat it like a password.
 */
export function formatJoinString(key: SwarmKey): string {
  const bytes = key.bytes();
  return JOIN_STRING_PREFIX + Buffer.concat([bytes, checksumOf(bytes)]).toString('base64url');
}

/**
 * The swarm key in a join string (surrounding whitespace ignored). Every refusal says what is
 * wrong without repeating the string, which holds the secret.
 */
export function parseJoinString(input: string): KeyFileResult<SwarmKey> {
  const text = input.trim();
  const version = VERSIONED_PREFIX_PATTERN.exec(text)?.[1];
  if (version === undefined) {
    return invalid(`a join string starts with "${JOIN_STRING_PREFIX}" (print one with "local-swarm key show")`);
  }
  if (`lsjoin${version}:` !== JOIN_STRING_PREFIX) {
    return invalid(`join string version ${version} is not supported; this node reads "${JOIN_STRING_PREFIX}"`);
  }
  const payload = text.slice(JOIN_STRING_PREFIX.length);
  if (payload.length !== PAYLOAD_CHARS) {
    return invalid(
      `a join string has ${JOIN_STRING_PREFIX.length + PAYLOAD_CHARS} characters, this one has ${text.length}: it was cut or has extra characters`,
    );
  }
  if (!BASE64URL_PATTERN.test(payload)) {
    return invalid('a join string holds only A-Z, a-z, 0-9, "-" and "_" after its prefix: it was mistyped');
  }
  const bytes = Buffer.from(payload, 'base64url');
  const key = bytes.subarray(0, SWARM_KEY_BYTES);
  if (!checksumOf(key).equals(bytes.subarray(SWARM_KEY_BYTES))) {
    return invalid('the join string checksum does not match: it was mistyped; copy it again from "local-swarm key show"');
  }
  return { ok: true, value: SwarmKey.fromBytes(key) };
}

function checksumOf(key: Uint8Array): Buffer {
  return createHash('sha256').update(key).digest().subarray(0, CHECKSUM_BYTES);
}

function invalid(message: string): KeyFileResult<SwarmKey> {
  return keyFileError(KeyFileErrorCode.INVALID_JOIN_STRING, message);
}
