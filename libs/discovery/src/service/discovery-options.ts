import type { Logger } from '../logger/logger';

export interface DiscoveryOptions {
  /** Bind mDNS to exactly this interface (e.g. `eth0`, `v-lsa`): never to all of them. */
  interfaceName: string;
  /** The API's bound IPv4 on that interface: advertised in A records, and the browser's multicast interface. */
  address: string;
  /** This node's id: our own advertisement (same node_id in TXT) is never reported as a peer. */
  nodeId: string;
  /** A peer unseen this long is removed ('peer-left', 'expired'). Default 60000 (60 s, as the original prototype). At least 2 × queryIntervalMs. */
  peerTtlMs?: number;
  /** How often the PTR query is repeated; live peers answer, which keeps them fresh. Default 5000. */
  queryIntervalMs?: number;
  /**
   * This node's swarm key id (paired federation): when two services claim one node id, one that
   * advertises this key id wins over one that does not, so a stranger announcing a member's id
   * first cannot hide the member. Default: none (the first service to claim an id keeps it).
   */
  ownKeyId?: string | null;
  /** Where discovery logs. Default: silent. */
  logger?: Logger;
}
