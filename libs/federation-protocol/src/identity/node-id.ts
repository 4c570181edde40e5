import { createHash, createPublicKey, type KeyObject } from 'node:crypto';
import { encodeBase32Lower } from './base32';

/** Prefix of every node id derived from a key (ids of the unsealed protocol had none). */
export const NODE_ID_PREFIX = 'ls-';

/** Base32 characters of SHA-256 kept in a node id: 26 × 5 = 130 bits, beyond any brute force. */
export const NODE_ID_HASH_CHARS = 26;

/** What a node id derived from a key looks like. */
export const NODE_ID_PATTERN = /^ls-[a-z2-7]{26}$/;

/** Length of a raw Ed25519 public key. */
export const ED25519_PUBLIC_KEY_BYTES = 32;

/** The 32 raw bytes of an Ed25519 public key (RFC 8032), the form that is hashed and sent. */
export function rawPublicKeyOf(publicKey: KeyObject): Buffer {
  if (publicKey.asymmetricKeyType !== 'ed25519') {
    throw new TypeError(`expected an Ed25519 key, got ${publicKey.asymmetricKeyType ?? publicKey.type}`);
  }
  const source = publicKey.type === 'private' ? createPublicKey(publicKey) : publicKey;
  const { x } = source.export({ format: 'jwk' });
  if (typeof x !== 'string') throw new TypeError('Ed25519 key without a public part');
  return Buffer.from(x, 'base64url');
}

/**
 * The node id a public key stands for: `ls-` + the first 26 characters of the lower-case,
 * unpadded RFC 4648 base32 of SHA-256(raw 32-byte public key). Derived, not chosen, so an id can
 * only be used by the holder of its private key.
 */
export function nodeIdOf(publicKey: KeyObject | Uint8Array): string {
  const raw = publicKey instanceof Uint8Array ? publicKey : rawPublicKeyOf(publicKey);
  if (raw.length !== ED25519_PUBLIC_KEY_BYTES) {
    throw new RangeError(`a raw Ed25519 public key has ${ED25519_PUBLIC_KEY_BYTES} bytes, got ${raw.length}`);
  }
  const digest = createHash('sha256').update(raw).digest();
  return NODE_ID_PREFIX + encodeBase32Lower(digest).slice(0, NODE_ID_HASH_CHARS);
}

/** True when `id` is the node id of `publicKey`; false for any other id, including old-style ones. */
export function verifyNodeId(id: string, publicKey: KeyObject | Uint8Array): boolean {
  if (publicKey instanceof Uint8Array && publicKey.length !== ED25519_PUBLIC_KEY_BYTES) return false;
  return NODE_ID_PATTERN.test(id) && nodeIdOf(publicKey) === id;
}
