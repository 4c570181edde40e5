import { decide, type StrategyName } from '@local-swarm/consensus';
import type { IndexedSample } from './sample-candidates';
import { toCandidate } from './sample-candidates';

/** The winner of a vote among some samples, as decide() picks it. */
export interface GroupVote {
  /** Index (among the task's samples) of the winning sample. */
  readonly winnerIndex: number;
  readonly winnerText: string;
  /** decide()'s canonical group key of the winner ("number:14", "text:paris"). */
  readonly groupKey: string;
  /** Winner group's share of the voting candidates (0 when none could vote). */
  readonly agreement: number;
  /** No two voting candidates shared a canonical form (decide() then picks the medoid). */
  readonly noTwoAlike: boolean;
}

/** The product's own vote (decide from @local-swarm/consensus) over a group of samples. */
export function voteOnGroup(group: readonly IndexedSample[], strategy: StrategyName, modelId: string): GroupVote {
  const verdict = decide(group.map((entry) => toCandidate(entry, modelId)), { strategy });
  const winner = verdict.winner;
  const entry = winner === null ? undefined : group[winner.index];
  if (winner === null || entry === undefined) throw new RangeError('a vote over an empty group');
  return {
    winnerIndex: entry.index,
    winnerText: entry.sample.text,
    groupKey: winner.groupKey,
    agreement: verdict.agreement,
    noTwoAlike: verdict.groups.length >= 2 && verdict.groups.every((candidates) => candidates.memberIndexes.length === 1),
  };
}
