/** What this node advertises about itself. */
export interface SwarmInfo {
  /**
   * Service instance name, e.g. `"local-swarm on <hostname>"`. On a conflict the responder renames
   * it ("... (2)") and 'name-changed' reports the new name. Longer than 56 UTF-8 bytes is cut
   * (a DNS label holds 63 bytes, and the rename suffix needs room).
   */
  name: string;
  /** This node's id; must equal `DiscoveryOptions.nodeId` (our own advertisement is recognised by it). */
  nodeId: string;
  /** Local Swarm version, e.g. `0.1.0`. */
  version: string;
  /** Number of local model instances (workers). */
  instances: number;
  modelId: string;
  /** SHA-256 of the model file (64 hex digits); left out of the TXT record while unknown. */
  modelSha256?: string;
  /** The key id of this node's swarm (16 hex digits); absent in open federation. */
  keyId?: string;
  hardwareSummary: string;
  /** Port of the OpenAI-compatible API (17615 by default). */
  apiPort: number;
  /** Federation protocol version, given by the caller. */
  protocol: number;
}

/** A discovered Local Swarm node. */
export interface PeerInfo {
  nodeId: string;
  /** Its service instance name (after any conflict rename). */
  name: string;
  /** The IPv4 to call: one in the bound interface's subnet when the peer has one, else its first. */
  address: string;
  /** Every IPv4 address its A records gave. */
  addresses: readonly string[];
  /** Its API port (TXT `api_port`). */
  port: number;
  version: string;
  protocol: number;
  instances: number;
  modelId: string;
  /**
   * Lower-case hex SHA-256 of its model file; null when its TXT record has none or a malformed one.
   * Optional so that PeerInfo values built by code older than the key stay valid (absent: unknown).
   */
  modelSha256?: string | null;
  /** Lower-case key id of its swarm (TXT `key_id`); null when absent or malformed (an open node). */
  keyId?: string | null;
  hardwareSummary: string;
  /** When an mDNS answer about it last arrived. */
  lastSeen: Date;
}

/** Why a peer left: it said goodbye (TTL 0 records), or it was unseen for peerTtlMs. */
export type PeerLeftReason = 'goodbye' | 'expired';
