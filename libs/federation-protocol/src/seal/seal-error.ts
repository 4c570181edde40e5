import type { KeyObject } from 'node:crypto';

/**
 * Why `open` refused a sealed message, in the order the checks run. Codes are stable; messages
 * are for humans and never contain the body.
 */
export const SealErrorCode = {
  /** Larger than the envelope limit: refused before parsing or any cryptography. */
  TOO_LARGE: 'too_large',
  /** Not JSON, a field missing or of the wrong type or length, or a body that is not UTF-8. */
  MALFORMED: 'malformed',
  /** Another protocol version, including an unsealed version-1 message. */
  VERSION_MISMATCH: 'version_mismatch',
  /** Sealed for another purpose than the one expected (a reply sent as a request…). */
  WRONG_PURPOSE: 'wrong_purpose',
  /** A reply to another request than the one sent, or a request that claims to be a reply. */
  REPLY_MISMATCH: 'reply_mismatch',
  /** The sender id is not the node id of the sender's public key. */
  BAD_SENDER_ID: 'bad_sender_id',
  /** The sender's clock differs from ours by more than the allowed skew. */
  CLOCK_SKEW: 'clock_skew',
  /** This sender's nonce was already accepted (or is too old to tell): a replay. */
  REPLAYED: 'replayed',
  /** The signature does not match the header and ciphertext: altered on the way, or forged. */
  BAD_SIGNATURE: 'bad_signature',
  /** Signed correctly but not sealed with our swarm key: a node of another swarm, or no swarm. */
  NOT_MEMBER: 'not_member',
} as const;

export type SealErrorCode = (typeof SealErrorCode)[keyof typeof SealErrorCode];

export interface SealOpenError {
  readonly ok: false;
  readonly code: SealErrorCode;
  readonly message: string;
}

export interface OpenedMessage {
  readonly ok: true;
  readonly body: string;
  /** Node id of the sender, proven: derived from the key that signed. */
  readonly senderId: string;
  readonly senderPublicKey: KeyObject;
  /** The message's nonce: what a reply passes as `replyTo`. */
  readonly nonce: string;
  /** The sender's timestamp (ms since the epoch). */
  readonly timestamp: number;
}

export type OpenResult = OpenedMessage | SealOpenError;

export function sealOpenError(code: SealErrorCode, message: string): SealOpenError {
  return { ok: false, code, message };
}
