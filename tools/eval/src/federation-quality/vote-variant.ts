import type { ConsensusOptions } from '@local-swarm/consensus';

/** A way of deciding among candidates, applied to every view with decide(). */
export interface VoteVariant {
  /** Stable key, e.g. `majority`, `weighted-equal`, `weighted-prior`. */
  readonly id: string;
  readonly label: string;
  readonly options: ConsensusOptions;
}

/**
 * The variants compared: majority (what the node ran), weighted_vote with equal weights (each
 * node's weight shared among its candidates, so each node counts once), and weighted_vote with
 * `priorWeight` on `favouredModel`, a weight fixed before any data was seen.
 */
export function voteVariants(favouredModel: string, favouredLabel: string, priorWeight: number): VoteVariant[] {
  return [
    { id: 'majority', label: 'majority', options: { strategy: 'majority' } },
    { id: 'weighted-equal', label: 'weighted_vote, equal weights', options: { strategy: 'weighted_vote' } },
    {
      id: 'weighted-prior',
      label: `weighted_vote, ${favouredLabel} ×${priorWeight} (fixed in advance)`,
      options: { strategy: 'weighted_vote', modelWeights: { [favouredModel]: priorWeight } },
    },
  ];
}
