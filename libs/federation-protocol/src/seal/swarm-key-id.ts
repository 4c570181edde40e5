import { hkdfSync } from 'node:crypto';
import type { SwarmKey } from './swarm-key';

/** HKDF parameters of the key id; fixed by the protocol (docs/federation-protocol.md). */
export const KEY_ID_DERIVATION = { hash: 'sha256', salt: 'local-swarm', info: 'key-id', bytes: 8 } as const;

/**
 * Public name of a swarm: HKDF-SHA256(key, salt "local-swarm", info "key-id"), first 8 bytes, as 16
 * hex characters. Safe to show and to advertise: a one-way derivation reveals nothing of the key,
 * yet two nodes with the same key id almost surely share the key.
 */
export function swarmKeyId(key: SwarmKey): string {
  const { hash, salt, info, bytes } = KEY_ID_DERIVATION;
  return Buffer.from(hkdfSync(hash, key.bytes(), salt, info, bytes)).toString('hex');
}
