import type { SwarmMembership } from '@local-swarm/federation-protocol';
import type { BindChoice } from '@local-swarm/net-binding';
import type { FederationConfig } from '../config';

/** Injection token of the federation's start-up options (provided only with federation on). */
export const FEDERATION_OPTIONS = Symbol('FEDERATION_OPTIONS');

export interface FederationOptions {
  /** This node's id: on every vote, in mDNS TXT records and in consensus metadata. */
  readonly nodeId: string;
  readonly config: FederationConfig;
  /** Where the API listens; discovery binds to the same interface, never to others. */
  readonly bind: BindChoice;
  readonly hostname: string;
  readonly hardwareSummary: string;
  /** The swarm this node belongs to (sealed protocol 2); null: open federation, unsealed protocol 1. */
  readonly membership: SwarmMembership | null;
  /** Node ids refused everywhere (the config dir's blocked.json); absent: none. */
  readonly isBlocked?: (nodeId: string) => boolean;
  /** Adds a node id to the block list and saves it; false for a malformed id. Absent: blocking unavailable. */
  readonly block?: (nodeId: string) => boolean;
  /** API keys of OpenAI-compatible peers, by base URL (federation.openaiPeerKeyFiles); never listed or logged. */
  readonly openAiKeys?: ReadonlyMap<string, string>;
}
