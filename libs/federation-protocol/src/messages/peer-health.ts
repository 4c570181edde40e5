import type { ModelId, PeerId } from '../ids/peer-id';

/** How busy a node is, for balancing requests across peers. */
export interface PeerLoad {
  readonly busyInstances: number;
  /** Instances able to generate (busy or idle). */
  readonly capacity: number;
  readonly queuedRequests: number;
  readonly maxQueue: number;
}

/** A node's answer to `GET /v1/federation/health`. */
export interface PeerHealth {
  readonly nodeId: PeerId;
  /** Local Swarm version of the node (package version). */
  readonly version: string;
  readonly protocol: number;
  readonly modelId: ModelId;
  /** SHA-256 of the node's model file (64 lower-case hex digits); absent while the node does not know it yet. */
  readonly modelSha256?: string;
  readonly instances: number;
  readonly load: PeerLoad;
}

/**
 * What the registry needs from a health check. `PeerHealth & { rttMs }` (a federation peer) is
 * one; an OpenAI-compatible server knows no load or instance count, hence the nulls.
 */
export interface HealthReport {
  readonly nodeId: PeerId;
  readonly modelId: ModelId | null;
  /** See PeerHealth.modelSha256; absent when the peer did not say. */
  readonly modelSha256?: string;
  readonly instances: number | null;
  readonly load: PeerLoad | null;
  /** Round-trip time of the health request in milliseconds. */
  readonly rttMs: number;
}
