import { SEAL_SIGNATURE_CONTEXT } from './seal-protocol';

/** The authenticated, unencrypted part of a sealed message (snake_case, as on the wire). */
export interface SealHeader {
  readonly v: number;
  /** One of SEAL_PURPOSES when sealed by this version; a received one is any purpose name. */
  readonly purpose: string;
  /** Node id of the sender: `nodeIdOf(sender_key)`. */
  readonly sender: string;
  /** Raw 32-byte Ed25519 public key of the sender, base64url without padding. */
  readonly sender_key: string;
  /** Sender's clock when sealing, milliseconds since the Unix epoch. */
  readonly ts: number;
  /** 12 random bytes, base64url: the AES-GCM nonce and the message's replay identifier. */
  readonly nonce: string;
  /** The nonce of the request this message answers; null for a request. */
  readonly reply_to: string | null;
}

/** A sealed message as sent: the header plus ciphertext, GCM tag and Ed25519 signature (base64url). */
export interface SealedEnvelope extends SealHeader {
  readonly ciphertext: string;
  readonly tag: string;
  readonly sig: string;
}

/**
 * The header as canonical JSON: keys in code-point order, no whitespace. Every value is an
 * integer, null or an ASCII string without characters JSON escapes, so the bytes are the same in
 * any language that writes these keys in this order. Used as the AEAD's additional data and signed.
 */
export function canonicalHeader(header: SealHeader): Buffer {
  const { nonce, purpose, reply_to, sender, sender_key, ts, v } = header;
  return Buffer.from(JSON.stringify({ nonce, purpose, reply_to, sender, sender_key, ts, v }), 'utf8');
}

/**
 * What the sender signs: context ‖ 0x00 ‖ uint32 big-endian length of the header ‖ header ‖
 * ciphertext ‖ tag. The length prefix makes the split between header and ciphertext unambiguous.
 */
export function signedBytes(header: Buffer, ciphertext: Buffer, tag: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(header.length);
  return Buffer.concat([Buffer.from(SEAL_SIGNATURE_CONTEXT, 'utf8'), Buffer.from([0]), length, header, ciphertext, tag]);
}
