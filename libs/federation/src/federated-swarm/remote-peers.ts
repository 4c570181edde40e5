import type { CandidateSource } from '@local-swarm/swarm-core';
import type { NodeLoad } from './node-load';

/** A healthy peer, ready to produce candidates. */
export interface RemoteParticipant {
  readonly nodeId: string;
  readonly source: CandidateSource;
  /** From its last health reply; null when unknown (e.g. an OpenAI-compatible server): never picked by balance. */
  readonly load: NodeLoad | null;
  /** Requests this node sent it that are still running. */
  readonly inFlight: () => number;
  /** Instances it advertises (its health reply); caps the capacity balance believes. Absent: unknown. */
  readonly instances?: number | null;
}

/** Whoever knows the peers (discovery, manual list, health checks). */
export interface RemotePeers {
  healthySources(): readonly RemoteParticipant[];
}

/** A node without federation: nobody to ask. */
export const NO_REMOTE_PEERS: RemotePeers = { healthySources: () => [] };
