import { FederatedSwarm, NO_REMOTE_PEERS } from '@local-swarm/swarm-core';
import type { LocalSwarm } from '../core/core.tokens';

export { FEDERATION_MODES, type FederationMode } from '@local-swarm/swarm-core';

/**
 * Injection token of this node's FederatedSwarm: who answers a request (this node alone, or
 * with its peers) and how. The federation module replaces the local-only default.
 */
export const CANDIDATE_PLANNER = Symbol('CANDIDATE_PLANNER');

/** What the completion path needs: plan a request and run it. */
export type CandidatePlanner = Pick<FederatedSwarm, 'plan' | 'generateWithFederation'>;

/** Without federation, this node's own instances are the only source. */
export class LocalOnlyPlanner extends FederatedSwarm {
  constructor(swarm: LocalSwarm) {
    super(swarm, NO_REMOTE_PEERS);
  }
}
