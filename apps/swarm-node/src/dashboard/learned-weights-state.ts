import type { LearnedSourceStanding } from '@local-swarm/federation';

/** One source's learned weighted_vote weight as the dashboard shows it. */
export interface LearnedWeightWire {
  readonly source: string;
  /** The weight `weights: auto` gives it (1 until it has enough observations). */
  readonly weight: number;
  /** Votes in its window. */
  readonly observations: number;
  /** Of those, the votes in which it agreed with the winner. */
  readonly agreed: number;
  /** Kept across restarts (this node or a paired peer); false: in memory only. */
  readonly persisted: boolean;
}

/** The learned weights' standings, with counts instead of the vote-by-vote history. */
export function learnedWeightsState(entries: readonly LearnedSourceStanding[]): LearnedWeightWire[] {
  return entries.map(({ source, weight, observations, persisted }) => ({
    source,
    weight,
    observations: observations.length,
    agreed: observations.reduce<number>((sum, vote) => sum + vote, 0),
    persisted,
  }));
}
