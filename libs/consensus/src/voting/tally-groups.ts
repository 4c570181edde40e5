import type { GroupingLayer } from '../grouping/grouping-layer';
import type { Ballot } from './ballot';

/** A group of ballots that give one answer (see regroupVoting), members best first. */
export interface RankedGroup {
  readonly key: string;
  /** The layer that built it. */
  readonly layer: GroupingLayer;
  readonly weight: number;
  readonly members: readonly Ballot[];
}

/** Weights closer than this (relative) are equal: 1/3 + 1/3 + 1/3 must tie with 1. */
const RELATIVE_EPSILON = 1e-9;

export function weightsEqual(a: number, b: number): boolean {
  return Math.abs(a - b) <= RELATIVE_EPSILON * Math.max(1, Math.abs(a), Math.abs(b));
}

function bestScore(group: RankedGroup): number {
  return Math.max(...group.members.map((member) => member.entry.candidate.score ?? -Infinity));
}

function firstRank(group: RankedGroup): number {
  return Math.min(...group.members.map((member) => member.entry.rank));
}

/** The documented group tie-breaks: heavier → higher best score → earlier stable order. */
export function compareGroups(a: RankedGroup, b: RankedGroup): number {
  if (!weightsEqual(a.weight, b.weight)) return b.weight - a.weight;
  const scoreA = bestScore(a);
  const scoreB = bestScore(b);
  if (scoreA !== scoreB) return scoreB - scoreA;
  return firstRank(a) - firstRank(b);
}

/**
 * Groups ballots by the group each votes in (canonical form, merged by the later grouping layers), heaviest first. `orderMembers` puts each group's best member
 * first (the medoid for votes, the best score for best_of_n, the earliest for first_valid).
 */
export function tallyGroups(
  ballots: readonly Ballot[],
  orderMembers: (members: readonly Ballot[]) => readonly Ballot[],
): RankedGroup[] {
  const byKey = new Map<string, Ballot[]>();
  for (const ballot of ballots) {
    const members = byKey.get(ballot.entry.voteKey);
    if (members === undefined) byKey.set(ballot.entry.voteKey, [ballot]);
    else members.push(ballot);
  }
  const groups = [...byKey].map(([key, members]) => ({
    key,
    layer: members[0]?.entry.layer ?? 'canonical',
    weight: members.reduce((sum, member) => sum + member.weight, 0),
    members: orderMembers(members),
  }));
  return groups.sort(compareGroups);
}
