import type { CandidateSource } from '@local-swarm/swarm-core';
import type { LocalSwarm } from './swarm.tokens';

/** Injection token of the planner that decides who answers a request. */
export const CANDIDATE_PLANNER = Symbol('CANDIDATE_PLANNER');

/** How a request uses the federation: everyone votes, or the least-loaded node answers alone. */
export const FEDERATION_MODES = ['vote', 'balance'] as const;
export type FederationMode = (typeof FEDERATION_MODES)[number];

/** Who produces candidates for one request, and how their votes weigh. */
export interface CandidatePlan {
  readonly sources: readonly CandidateSource[];
  /** Tried alone when every planned source failed (balance mode: the local swarm). */
  readonly fallback?: CandidateSource;
  readonly sourceWeights?: Readonly<Record<string, number>>;
  readonly modelWeights?: Readonly<Record<string, number>>;
}

export interface CandidatePlanner {
  plan(mode: FederationMode): CandidatePlan;
}

/** Without federation, this node's own instances are the only source. */
export class LocalOnlyPlanner implements CandidatePlanner {
  constructor(private readonly swarm: LocalSwarm) {}

  plan(): CandidatePlan {
    return { sources: [this.swarm] };
  }
}
