import type { NodeIdentity } from '../identity/node-identity';
import { DEFAULT_MAX_SKEW_MS } from './seal-protocol';
import { ReplayCache } from './replay-cache';
import type { SwarmKey } from './swarm-key';
import { swarmKeyId } from './swarm-key-id';

/**
 * What a node needs to speak sealed protocol 2 with its swarm: the swarm key (membership), its
 * own identity (who it is), the key id it advertises (which swarm, revealing nothing of the key)
 * and one replay cache for every sealed message it receives, requests and replies alike.
 */
export interface SwarmMembership {
  readonly swarmKey: SwarmKey;
  readonly keyId: string;
  readonly identity: NodeIdentity;
  readonly replayCache: ReplayCache;
  /** Largest clock difference accepted between two members, in ms. */
  readonly maxSkewMs: number;
}

/** A membership with its key id derived and a fresh replay cache sized for `maxSkewMs`. */
export function swarmMembership(swarmKey: SwarmKey, identity: NodeIdentity, maxSkewMs: number = DEFAULT_MAX_SKEW_MS): SwarmMembership {
  return { swarmKey, keyId: swarmKeyId(swarmKey), identity, replayCache: new ReplayCache({ maxSkewMs }), maxSkewMs };
}
