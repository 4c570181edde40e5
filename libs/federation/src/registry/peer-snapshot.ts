import type { ViolationRecord } from '../quarantine/quarantine-policy';
import type { FederationClientError, ModelId, PeerId, PeerLoad, PeerSource, PeerStatus } from '@local-swarm/federation-protocol';

/** What the registry knows of one peer: PeerStatusDto's fields (camelCase) plus what balancing needs. */
export interface PeerSnapshot {
  /** Real node id, or a provisional `manual:host:port` until the first health reply (see `provisional`). */
  readonly nodeId: PeerId;
  /** True while `nodeId` is a provisional manual id. */
  readonly provisional: boolean;
  /** mDNS instance name, `host:port` for manual peers, the base URL for OpenAI-compatible ones. */
  readonly name: string;
  readonly address: string;
  readonly port: number;
  readonly source: PeerSource;
  readonly status: PeerStatus;
  /** Epoch ms the peer was last heard of (mDNS announcement or successful health check), null when never. */
  readonly lastSeen: number | null;
  /** Round-trip time of the last successful health check. */
  readonly rttMs: number | null;
  /** Consecutive failed health checks. */
  readonly failures: number;
  readonly modelId: ModelId | null;
  /** SHA-256 of its model file (its health reply or mDNS TXT said), null when unknown. */
  readonly modelSha256: string | null;
  readonly instances: number | null;
  /** Load in the last successful health reply; null before one or for OpenAI-compatible peers. */
  readonly load: PeerLoad | null;
  /** Why the last health check failed; null after a success. */
  readonly lastError: FederationClientError | null;
  /** Its recent protocol violations and quarantines. */
  readonly violations: ViolationRecord;
  /** Why it was last quarantined; null when never. */
  readonly quarantineReason: string | null;
  /** Why it is `ignored`: it names this node's model with another file (its last health report); null when not. */
  readonly modelConflict: string | null;
  /** Where to reach it: `http://host:port` (federation) or the OpenAI base URL. */
  readonly baseUrl: string;
}
