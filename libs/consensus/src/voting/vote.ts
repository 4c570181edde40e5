import { budgetedSimilarity, memoizedSimilarity, rankByCentrality, type PairSimilarity } from '../similarity/medoid';
import { compareByScore, type Ballot, type NonEmpty } from './ballot';
import { tallyGroups, type RankedGroup } from './tally-groups';

export interface VoteOutcome {
  readonly groups: readonly RankedGroup[];
  readonly winner: Ballot;
  readonly notes: readonly string[];
}

export const MEDOID_NOTE =
  'no two answers share a canonical form: the winner is the medoid by token-set similarity';

/**
 * The vote behind majority and weighted_vote: the heaviest group wins (ties: higher best score,
 * then earlier stable order) and within it the member most similar to the rest (the medoid).
 * When every group is a singleton there is nothing to count, so the medoid of all ballots wins.
 */
export function vote(
  ballots: NonEmpty<Ballot>,
  similarity: PairSimilarity = memoizedSimilarity(budgetedSimilarity(ballots.map((ballot) => ballot.text))),
): VoteOutcome {
  const groups = tallyGroups(ballots, (members) => rankByCentrality(members, compareByScore, similarity));
  if (ballots.length >= 2 && groups.every((group) => group.members.length === 1)) {
    const [winner] = rankByCentrality(ballots, compareByScore, similarity);
    if (winner !== undefined) {
      // The medoid, not a count, chose this answer: its group says so.
      const marked = groups.map((group) => (group.members.includes(winner) ? { ...group, layer: 'medoid' as const } : group));
      return { groups: marked, winner, notes: [MEDOID_NOTE] };
    }
  }
  return { groups, winner: groups[0]?.members[0] ?? ballots[0], notes: [] };
}
