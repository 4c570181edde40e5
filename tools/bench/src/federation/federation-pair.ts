import type { SwarmMembership } from '@local-swarm/federation-protocol';
import type { LanNode, NodeLan } from '@local-swarm/test-netns';
import type { FederationMode } from './federation-samples';

/** Two federated nodes on a LAN of their own: A stays up, B is asked, stopped and restarted. */
export interface FederationPair {
  readonly mode: FederationMode;
  readonly lan: NodeLan;
  readonly a: LanNode;
  readonly b: LanNode;
  /** The ids each node's own `/health` reports (a paired node's is derived from its key). */
  readonly aId: string;
  readonly bId: string;
  /** The benchmark's own membership of the sealed pair's swarm; null for an open pair. */
  readonly asker: SwarmMembership | null;
}
