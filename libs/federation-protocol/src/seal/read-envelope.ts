import { NODE_ID_PATTERN } from '../identity/node-id';
import { base64urlLength, isBase64urlOfLength, isCanonicalBase64url } from './base64url-field';
import { SEAL_LIMITS, SEAL_PROTOCOL_VERSION, SEAL_PURPOSES } from './seal-protocol';
import { SealErrorCode, sealOpenError, type SealOpenError } from './seal-error';
import type { SealHeader } from './sealed-envelope';

/** A well-formed envelope, not yet verified: fields checked for type and length, binary parts decoded. */
export interface ReadEnvelope {
  readonly header: SealHeader;
  readonly senderKey: Buffer;
  readonly ciphertext: Buffer;
  readonly tag: Buffer;
  readonly signature: Buffer;
}

/** Known purposes and ones a newer peer may add: refused by `open` as wrong_purpose, not as malformed. */
const PURPOSE_PATTERN = /^[a-z][a-z-]{0,31}$/;
const EXPECTED_FIELDS = 'v, purpose, sender, sender_key, ts, nonce, reply_to, ciphertext, tag, sig';

/**
 * Reads an envelope (its JSON text, or the value a body parser made of it). Everything here is
 * bounded before it costs anything: the size before parsing, the version before the shape, each
 * base64url field's length and alphabet before decoding. No cryptography yet.
 */
export function readEnvelope(input: unknown, maxEnvelopeBytes: number): ReadEnvelope | SealOpenError {
  let value = input;
  if (typeof input === 'string') {
    if (input.length > maxEnvelopeBytes || Buffer.byteLength(input, 'utf8') > maxEnvelopeBytes) {
      return tooLarge(maxEnvelopeBytes);
    }
    try {
      value = JSON.parse(input);
    } catch {
      return malformed('a sealed message is a JSON object; this is not JSON');
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return malformed(`a sealed message is a JSON object with ${EXPECTED_FIELDS}`);
  }
  const fields = value as Record<string, unknown>;
  const { purpose, sender, sender_key, ts, nonce, reply_to, ciphertext, tag, sig } = fields;
  if (typeof ciphertext === 'string' && ciphertext.length > maxEnvelopeBytes) return tooLarge(maxEnvelopeBytes);
  const version = versionRefusal(fields);
  if (version !== null) return version;
  if (typeof purpose !== 'string' || !PURPOSE_PATTERN.test(purpose)) {
    return malformed(`purpose must be a purpose name such as ${SEAL_PURPOSES.join(', ')}`);
  }
  if (typeof sender !== 'string' || !NODE_ID_PATTERN.test(sender)) return malformed('sender must be a node id (ls- and 26 base32 characters)');
  if (!isBase64urlOfLength(sender_key, SEAL_LIMITS.publicKeyBytes)) return malformedBinary('sender_key', SEAL_LIMITS.publicKeyBytes);
  if (typeof ts !== 'number' || !Number.isSafeInteger(ts) || ts < 0) return malformed('ts must be a non-negative integer (ms since the epoch)');
  if (!isBase64urlOfLength(nonce, SEAL_LIMITS.nonceBytes)) return malformedBinary('nonce', SEAL_LIMITS.nonceBytes);
  if (reply_to !== null && !isBase64urlOfLength(reply_to, SEAL_LIMITS.nonceBytes)) {
    return malformed(`reply_to must be null or a nonce (${base64urlLength(SEAL_LIMITS.nonceBytes)} base64url characters)`);
  }
  if (typeof ciphertext !== 'string' || !isCanonicalBase64url(ciphertext)) return malformed('ciphertext must be unpadded base64url');
  if (!isBase64urlOfLength(tag, SEAL_LIMITS.tagBytes)) return malformedBinary('tag', SEAL_LIMITS.tagBytes);
  if (!isBase64urlOfLength(sig, SEAL_LIMITS.signatureBytes)) return malformedBinary('sig', SEAL_LIMITS.signatureBytes);
  return {
    header: { v: SEAL_PROTOCOL_VERSION, purpose, sender, sender_key, ts, nonce, reply_to },
    senderKey: Buffer.from(sender_key, 'base64url'),
    ciphertext: Buffer.from(ciphertext, 'base64url'),
    tag: Buffer.from(tag, 'base64url'),
    signature: Buffer.from(sig, 'base64url'),
  };
}

/** A version-1 peer sends its plain JSON body (`protocol: 1`, no `v`): say so rather than "malformed". */
function versionRefusal(fields: Record<string, unknown>): SealOpenError | null {
  if (fields['v'] === SEAL_PROTOCOL_VERSION) return null;
  if (fields['v'] === undefined && typeof fields['protocol'] === 'number') {
    return sealOpenError(
      SealErrorCode.VERSION_MISMATCH,
      `the peer speaks federation protocol ${fields['protocol']} (unsealed: anyone on the LAN could read or forge it); ` +
        `this node accepts only sealed protocol ${SEAL_PROTOCOL_VERSION} messages: upgrade the peer and join it to the swarm`,
    );
  }
  if (typeof fields['v'] === 'number') {
    return sealOpenError(
      SealErrorCode.VERSION_MISMATCH,
      `sealed protocol version ${fields['v']} is not supported; this node speaks version ${SEAL_PROTOCOL_VERSION}`,
    );
  }
  return malformed(`a sealed message has a numeric v (${SEAL_PROTOCOL_VERSION}) and ${EXPECTED_FIELDS}`);
}

function tooLarge(limit: number): SealOpenError {
  return sealOpenError(SealErrorCode.TOO_LARGE, `a sealed message may have at most ${limit} bytes`);
}

function malformedBinary(field: string, bytes: number): SealOpenError {
  return malformed(`${field} must be ${bytes} bytes as ${base64urlLength(bytes)} unpadded base64url characters`);
}

function malformed(message: string): SealOpenError {
  return sealOpenError(SealErrorCode.MALFORMED, `malformed sealed message: ${message}`);
}
