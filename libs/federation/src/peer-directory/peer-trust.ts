import type { PeerTrustWire } from '@local-swarm/federation-protocol';
import type { DiscoveredPeer } from '../registry/peer-registry';

/**
 * How far this node trusts a peer: `paired` (same swarm key), `open` (open federation, no key),
 * `other swarm` (another key id), `blocked` (on the block list), `quarantined` (protocol violations).
 */
export type PeerTrust = PeerTrustWire;

/** What decides a peer's trust: this node's key id (null: open federation) and its block list. */
export interface PeerTrustPolicy {
  readonly ownKeyId: string | null;
  readonly isBlocked: (nodeId: string) => boolean;
}

/** Trust of a peer, with a reason a person can act on. */
export interface TrustVerdict {
  readonly trust: PeerTrust;
  readonly reason: string;
  /** Whether this node may ask it (health checks, votes). */
  readonly asked: boolean;
}

/** A discovered service this node lists but never asks. */
export interface UntrustedPeer extends TrustVerdict {
  readonly nodeId: string;
  readonly name: string;
  readonly address: string;
  readonly port: number;
  readonly lastSeen: number;
}

/** Open federation, nothing blocked: every discovered peer is asked, as before pairing existed. */
export const OPEN_TRUST_POLICY: PeerTrustPolicy = { ownKeyId: null, isBlocked: () => false };

/**
 * The trust of an mDNS announcement. A blocked id is never asked; a paired node asks only services
 * that advertise its own key id: another key id is another swarm, no key id an open (protocol 1)
 * node, and neither could read its sealed messages anyway.
 */
export function trustOfDiscovered(peer: Pick<DiscoveredPeer, 'nodeId' | 'keyId'>, policy: PeerTrustPolicy): TrustVerdict {
  if (policy.isBlocked(peer.nodeId)) return { trust: 'blocked', reason: "on this node's block list", asked: false };
  if (policy.ownKeyId === null) return { trust: 'open', reason: 'open federation: this node has no swarm key', asked: true };
  const keyId = peer.keyId ?? null;
  if (keyId === null) {
    return { trust: 'open', reason: 'advertises no key id (open federation, protocol 1): a paired node does not ask it', asked: false };
  }
  if (keyId !== policy.ownKeyId) {
    return { trust: 'other swarm', reason: `key id ${keyId}, this swarm's is ${policy.ownKeyId}: join it with "local-swarm key show" / --join`, asked: false };
  }
  return { trust: 'paired', reason: `same swarm (key id ${keyId})`, asked: true };
}
