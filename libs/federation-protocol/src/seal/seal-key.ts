import { hkdfSync } from 'node:crypto';
import { SEAL_KEY_DERIVATION } from './seal-protocol';
import type { SwarmKey } from './swarm-key';

const derivedKeys = new WeakMap<SwarmKey, Buffer>();

/**
 * The AES-256-GCM key of sealed messages: HKDF-SHA256(swarm key, salt "local-swarm/v2", info
 * "seal"). Distinct from the key id's derivation, so the public key id says nothing about it.
 * Remembered per SwarmKey object: one derivation per key, not per message.
 */
export function sealKeyOf(swarmKey: SwarmKey): Buffer {
  const known = derivedKeys.get(swarmKey);
  if (known !== undefined) return known;
  const { hash, salt, info, bytes } = SEAL_KEY_DERIVATION;
  const derived = Buffer.from(hkdfSync(hash, swarmKey.bytes(), salt, info, bytes));
  derivedKeys.set(swarmKey, derived);
  return derived;
}
