/**
 * Version of sealed node-to-node messages. Version 1 was plain JSON (`protocol: 1` in the body),
 * readable and forgeable by anyone on the LAN; a version-1 body is refused, saying why.
 */
export const SEAL_PROTOCOL_VERSION = 2;

/**
 * What a sealed message is for. Part of the authenticated header, and the receiver names the
 * purpose it expects: a vote reply cannot be replayed as a vote request, nor a health reply as a
 * vote reply.
 */
export const SEAL_PURPOSES = ['vote-request', 'vote-reply', 'health-request', 'health-reply'] as const;
export type SealPurpose = (typeof SEAL_PURPOSES)[number];

/** HKDF-SHA256 parameters of the message key; fixed by the protocol. */
export const SEAL_KEY_DERIVATION = { hash: 'sha256', salt: 'local-swarm/v2', info: 'seal', bytes: 32 } as const;

/** Prefix of the bytes a sender signs: keeps these signatures from being valid in any other use of the key. */
export const SEAL_SIGNATURE_CONTEXT = 'local-swarm/v2 sealed message';

/** Most a sender's clock may differ from the receiver's, by default. */
export const DEFAULT_MAX_SKEW_MS = 30_000;

const MAX_BODY_BYTES = 4 * 1024 * 1024;

export const SEAL_LIMITS = {
  /** Largest body `seal` accepts: a vote reply (64 votes) fits in the 4 MiB a peer reply may take. */
  maxBodyBytes: MAX_BODY_BYTES,
  /** Largest envelope `open` reads, checked before parsing or any cryptography: base64url of the largest body plus the header. */
  maxEnvelopeBytes: Math.ceil((MAX_BODY_BYTES * 4) / 3) + 1024,
  /** Random nonce of AES-256-GCM (96 bits, as NIST SP 800-38D recommends). */
  nonceBytes: 12,
  tagBytes: 16,
  publicKeyBytes: 32,
  signatureBytes: 64,
} as const;
