import type { Verdict } from '@local-swarm/consensus';

/** What a vote needs of learned weights: weights for its sources, and a verdict to learn from. */
export interface SourceWeightLearning {
  /** Learned weight per source; `fallback` (the configured weight, else 1) for sources not learned yet. */
  weightsFor(sources: readonly string[], fallback?: Readonly<Record<string, number>>): Record<string, number>;
  /** Learns from one weighted_vote verdict. */
  record(verdict: Verdict): void;
}
