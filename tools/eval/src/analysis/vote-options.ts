import type { ConsensusOptions, StrategyName } from '@local-swarm/consensus';

/**
 * How decide() groups the samples of a vote: 'layered' is the product's grouping by meaning
 * (canonical forms, then short answers once the question is known); 'canonical' is the grouping
 * before it (exact canonical forms only), kept to measure what the layers add.
 */
export type VoteGrouping = 'layered' | 'canonical';

/** One vote's rule: a strategy and a grouping. */
export interface VoteRule {
  readonly strategy: StrategyName;
  readonly grouping: VoteGrouping;
}

/**
 * decide()'s options for a vote over k recorded samples. The question is what lets the layered
 * grouping strip the question's own words; `askedFor` = k, so a dropped (truncated, empty) sample
 * counts against the winner's agreement as it does on the node.
 */
export function voteOptions(rule: VoteRule, question: string, askedFor: number): ConsensusOptions {
  return { strategy: rule.strategy, grouping: rule.grouping, question, askedFor };
}
