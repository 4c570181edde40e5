import { decide, type StrategyName } from '@local-swarm/consensus';
import type { IndexedSample } from './sample-candidates';
import { toCandidate } from './sample-candidates';
import { voteOptions, type VoteGrouping } from './vote-options';

/** The winner of a vote among some samples, as decide() picks it. */
export interface GroupVote {
  /** Index (among the task's samples) of the winning sample. */
  readonly winnerIndex: number;
  readonly winnerText: string;
  /** decide()'s group key of the winner ("number:14", "text:paris"). */
  readonly groupKey: string;
  /** Winner group's weight over the weight of every sample asked for, dropped ones included. */
  readonly agreement: number;
  /** decide()'s entropy over the groups plus a no-answer bucket (nats). */
  readonly entropy: number;
  /** No two voting candidates were grouped together (decide() then picks the medoid). */
  readonly noTwoAlike: boolean;
}

/** The grouping a vote uses and the question it answers (the layered grouping reads it). */
export interface GroupingChoice {
  readonly grouping: VoteGrouping;
  readonly question: string;
}

/** Exact canonical forms only: the node's rule before grouping by meaning (and early exit's). */
export const CANONICAL_GROUPING: GroupingChoice = { grouping: 'canonical', question: '' };

/** The product's own vote (decide from @local-swarm/consensus) over a group of samples. */
export function voteOnGroup(group: readonly IndexedSample[], strategy: StrategyName, modelId: string, choice: GroupingChoice = CANONICAL_GROUPING): GroupVote {
  const options = voteOptions({ strategy, grouping: choice.grouping }, choice.question, group.length);
  const verdict = decide(group.map((entry) => toCandidate(entry, modelId)), options);
  const winner = verdict.winner;
  const entry = winner === null ? undefined : group[winner.index];
  if (winner === null || entry === undefined) throw new RangeError('a vote over an empty group');
  return {
    winnerIndex: entry.index,
    winnerText: entry.sample.text,
    groupKey: winner.groupKey,
    agreement: verdict.agreement,
    entropy: verdict.entropy,
    noTwoAlike: verdict.groups.length >= 2 && verdict.groups.every((candidates) => candidates.memberIndexes.length === 1),
  };
}
