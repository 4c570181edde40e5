import { createDecipheriv, createPublicKey, verify, type KeyObject } from 'node:crypto';
import { nodeIdOf } from '../identity/node-id';
import { readEnvelope } from './read-envelope';
import type { ReplayCache } from './replay-cache';
import { SealErrorCode, sealOpenError, type OpenResult } from './seal-error';
import { sealKeyOf } from './seal-key';
import { SEAL_LIMITS, type SealPurpose } from './seal-protocol';
import { canonicalHeader, signedBytes } from './sealed-envelope';
import type { SwarmKey } from './swarm-key';

export interface OpenOptions {
  readonly swarmKey: SwarmKey;
  /** Shared by every message this node opens, so a message is accepted once. */
  readonly replayCache: ReplayCache;
  readonly expectedPurpose: SealPurpose;
  /** Opening a reply: the nonce of the request sent. Null or absent: the message must not be a reply. */
  readonly replyTo?: string | null;
  /** The receiver's clock (ms since the epoch); `Date.now()` by default. */
  readonly now?: number;
  /** Allowed clock difference; the replay cache's by default, and never more (replays could pass). */
  readonly maxSkewMs?: number;
  readonly maxEnvelopeBytes?: number;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Opens a sealed message: the sender is a member of the swarm (it sealed with the swarm key), is
 * the node its id names (it signed with the key the id derives from), sent this message for this
 * purpose, recently, once. Cheap checks come first, so a flood of junk costs no cryptography; the
 * order is documented in docs/federation-protocol.md. Never throws for the message's faults.
 */
export function open(envelope: unknown, options: OpenOptions): OpenResult {
  const now = options.now ?? Date.now();
  const maxSkewMs = options.maxSkewMs ?? options.replayCache.maxSkewMs;
  if (maxSkewMs > options.replayCache.maxSkewMs) {
    throw new RangeError(`maxSkewMs ${maxSkewMs} exceeds the replay cache's ${options.replayCache.maxSkewMs}`);
  }
  const read = readEnvelope(envelope, options.maxEnvelopeBytes ?? SEAL_LIMITS.maxEnvelopeBytes);
  if ('ok' in read) return read;
  const { header, senderKey, ciphertext, tag, signature } = read;
  if (header.purpose !== options.expectedPurpose) {
    return sealOpenError(SealErrorCode.WRONG_PURPOSE, `expected a ${options.expectedPurpose} message, got ${header.purpose}`);
  }
  const replyTo = options.replyTo ?? null;
  if (header.reply_to !== replyTo) {
    return sealOpenError(
      SealErrorCode.REPLY_MISMATCH,
      replyTo === null ? 'a request must not name a request it replies to' : 'the reply answers another request than the one sent',
    );
  }
  if (nodeIdOf(senderKey) !== header.sender) {
    return sealOpenError(SealErrorCode.BAD_SENDER_ID, `sender id ${header.sender} is not the id of the key that signed`);
  }
  const skewMs = now - header.ts;
  if (Math.abs(skewMs) > maxSkewMs) {
    const direction = skewMs > 0 ? 'behind' : 'ahead of';
    return sealOpenError(
      SealErrorCode.CLOCK_SKEW,
      `the clock of ${header.sender} is ${Math.abs(skewMs)} ms ${direction} this node's (at most ${maxSkewMs} ms allowed): synchronise the clocks (NTP)`,
    );
  }
  const messageId = `${header.sender}/${header.nonce}`;
  const replay = options.replayCache.check(messageId, header.ts, now);
  if (replay !== 'fresh') {
    const why = replay === 'seen' ? 'this message was already received' : 'too old to tell while the replay cache is full';
    return sealOpenError(SealErrorCode.REPLAYED, `replayed message from ${header.sender}: ${why}`);
  }
  const headerBytes = canonicalHeader(header);
  const publicKey = importPublicKey(header.sender_key);
  if (publicKey === null || !verify(null, signedBytes(headerBytes, ciphertext, tag), publicKey, signature)) {
    return sealOpenError(SealErrorCode.BAD_SIGNATURE, `the signature of ${header.sender} does not match the message`);
  }
  const plaintext = decrypt(options.swarmKey, Buffer.from(header.nonce, 'base64url'), headerBytes, ciphertext, tag);
  if (plaintext === null) {
    return sealOpenError(SealErrorCode.NOT_MEMBER, `${header.sender} is not a member of this swarm: it sealed with another swarm key`);
  }
  let body: string;
  try {
    body = utf8.decode(plaintext);
  } catch {
    return sealOpenError(SealErrorCode.MALFORMED, 'malformed sealed message: the body is not UTF-8');
  }
  options.replayCache.remember(messageId, header.ts, now);
  return { ok: true, body, senderId: header.sender, senderPublicKey: publicKey, nonce: header.nonce, timestamp: header.ts };
}

function importPublicKey(rawBase64url: string): KeyObject | null {
  try {
    return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: rawBase64url }, format: 'jwk' });
  } catch {
    return null;
  }
}

function decrypt(swarmKey: SwarmKey, nonce: Buffer, aad: Buffer, ciphertext: Buffer, tag: Buffer): Buffer | null {
  try {
    const decipher = createDecipheriv('aes-256-gcm', sealKeyOf(swarmKey), nonce, { authTagLength: SEAL_LIMITS.tagBytes });
    decipher.setAAD(aad);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
  } catch {
    return null;
  }
}
