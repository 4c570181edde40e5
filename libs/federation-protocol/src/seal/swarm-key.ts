import { randomBytes } from 'node:crypto';
import { inspect } from 'node:util';

/** Bytes of a swarm key. */
export const SWARM_KEY_BYTES = 32;

/**
 * The secret every node of one swarm shares: 32 random bytes. Wrapped so that logging or
 * serialising it by mistake prints a placeholder, never the key.
 */
export class SwarmKey {
  readonly #bytes: Buffer;

  private constructor(bytes: Buffer) {
    this.#bytes = bytes;
  }

  /** Throws a RangeError unless `bytes` has exactly 32 bytes (the bytes are copied). */
  static fromBytes(bytes: Uint8Array): SwarmKey {
    if (bytes.length !== SWARM_KEY_BYTES) {
      throw new RangeError(`a swarm key has ${SWARM_KEY_BYTES} bytes, got ${bytes.length}`);
    }
    return new SwarmKey(Buffer.from(bytes));
  }

  /** A copy of the key's bytes: only for derivations and for writing the key file. */
  bytes(): Buffer {
    return Buffer.from(this.#bytes);
  }

  toString(): string {
    return 'SwarmKey(<secret>)';
  }

  toJSON(): string {
    return this.toString();
  }

  [inspect.custom](): string {
    return this.toString();
  }
}

/** A new random swarm key (`local-swarm key new`). */
export function newSwarmKey(): SwarmKey {
  return SwarmKey.fromBytes(randomBytes(SWARM_KEY_BYTES));
}
