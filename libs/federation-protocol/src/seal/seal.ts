import { createCipheriv, randomBytes, sign } from 'node:crypto';
import type { NodeIdentity } from '../identity/node-identity';
import { isBase64urlOfLength } from './base64url-field';
import { canonicalHeader, signedBytes, type SealedEnvelope, type SealHeader } from './sealed-envelope';
import { SEAL_LIMITS, SEAL_PROTOCOL_VERSION, type SealPurpose } from './seal-protocol';
import { sealKeyOf } from './seal-key';
import type { SwarmKey } from './swarm-key';

export interface SealInput {
  /** The message, usually the JSON text of a wire body; at most SEAL_LIMITS.maxBodyBytes of UTF-8. */
  readonly body: string;
  readonly swarmKey: SwarmKey;
  readonly identity: NodeIdentity;
  readonly purpose: SealPurpose;
  /** For a reply: the `nonce` of the request it answers. */
  readonly replyTo?: string | null;
  /** The sender's clock (ms since the epoch); `Date.now()` by default. */
  readonly now?: number;
}

/**
 * Seals a message for the members of a swarm: encrypted and authenticated with a key derived from
 * the swarm key (AES-256-GCM, fresh random nonce, the header as additional data), then signed by
 * the node's Ed25519 key so the receiver knows which member sent it. Throws a RangeError for a
 * body over the limit or a malformed `replyTo` (the caller's own mistakes, never a peer's).
 */
export function seal(input: SealInput): SealedEnvelope {
  return sealWithNonce(input, randomBytes(SEAL_LIMITS.nonceBytes));
}

/** `seal` with a given nonce: for known-answer specs only. A nonce must never be used twice with one key. */
export function sealWithNonce(input: SealInput, nonce: Buffer): SealedEnvelope {
  const plaintext = Buffer.from(input.body, 'utf8');
  if (plaintext.length > SEAL_LIMITS.maxBodyBytes) {
    throw new RangeError(`a sealed body may have ${SEAL_LIMITS.maxBodyBytes} bytes, this one has ${plaintext.length}`);
  }
  const replyTo = input.replyTo ?? null;
  if (replyTo !== null && !isBase64urlOfLength(replyTo, SEAL_LIMITS.nonceBytes)) {
    throw new RangeError('replyTo must be the nonce of the request being answered');
  }
  const header: SealHeader = {
    v: SEAL_PROTOCOL_VERSION,
    purpose: input.purpose,
    sender: input.identity.nodeId,
    sender_key: input.identity.publicKeyRaw.toString('base64url'),
    ts: input.now ?? Date.now(),
    nonce: nonce.toString('base64url'),
    reply_to: replyTo,
  };
  const headerBytes = canonicalHeader(header);
  const cipher = createCipheriv('aes-256-gcm', sealKeyOf(input.swarmKey), nonce);
  cipher.setAAD(headerBytes);
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  const tag = cipher.getAuthTag();
  const signature = sign(null, signedBytes(headerBytes, ciphertext, tag), input.identity.privateKey);
  return {
    ...header,
    ciphertext: ciphertext.toString('base64url'),
    tag: tag.toString('base64url'),
    sig: signature.toString('base64url'),
  };
}
