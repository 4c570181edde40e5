import type { Candidate } from '../candidate/candidate';
import type { ConsensusOptions } from '../options/consensus-options';
import type { Verdict } from '../verdict/verdict';
import type { Ballot, NonEmpty } from '../voting/ballot';
import { oneVoteBallots } from '../voting/one-vote-ballots';
import { runStrategy, type StrategyChoice } from '../voting/run-strategy';
import { incomparableReason, scorePools, type ScorePool } from '../voting/score-pools';
import type { ScreenedCandidate } from '../voting/screen-candidates';
import { tallyGroups, weightsEqual } from '../voting/tally-groups';
import { chooseByMajority } from './majority';

export const NOMINEES_NOTE =
  'scores of different model files are not comparable: each file nominated its best-scored candidate, and the nominee whose answer has the most votes won';

function poolLabel(pool: ScorePool): string {
  return pool.modelHash === undefined ? 'candidates without a model hash' : `model file ${pool.modelHash.slice(0, 12)}`;
}

/** Why best_of_n cannot rank some pool by score, or null when every pool can be ranked. */
function fallbackReason(pools: readonly ScorePool[]): string | null {
  const reasons = pools.flatMap((pool) => {
    const reason = incomparableReason(pool);
    if (reason === null) return [];
    return [pools.length > 1 ? `${poolLabel(pool)}: ${reason}` : reason];
  });
  return reasons.length > 0 ? reasons.join('; ') : null;
}

function chooseBestOfN(voting: NonEmpty<ScreenedCandidate>): StrategyChoice {
  const { ballots, notes } = oneVoteBallots(voting);
  const pools = scorePools(ballots);
  const reason = fallbackReason(pools);
  if (reason !== null) {
    const choice = chooseByMajority(voting);
    return { ...choice, notes: [`best_of_n fell back to majority: ${reason}`, ...choice.notes] };
  }

  // A candidate's place within its own file's score order: the only score comparison that means
  // anything. Group members are ordered by it, so no raw score is compared across files.
  const placeInPool = new Map<Ballot, number>();
  for (const pool of pools) pool.members.forEach((ballot, place) => placeInPool.set(ballot, place));
  const place = (ballot: Ballot): number => placeInPool.get(ballot) ?? Infinity;
  const groups = tallyGroups(ballots, (members) => [...members].sort((a, b) => place(a) - place(b) || a.entry.rank - b.entry.rank));

  const nominees = pools.flatMap((pool) => pool.members.slice(0, 1));
  if (nominees.length <= 1) return { strategy: 'best_of_n', ballots, groups, winner: nominees[0] ?? ballots[0], notes };

  // Between files only votes are comparable: the nominee whose answer most candidates (of any
  // file, no source above half) agree with wins; ties go to the earlier stable order, never to a
  // score. The lib does not know which file is this node's, and a peer's nominee needs votes
  // beyond its own half to beat the others.
  const weightOf = new Map(groups.map((group) => [group.key, group.weight]));
  const support = (ballot: Ballot): number => weightOf.get(ballot.entry.groupKey) ?? 0;
  const [winner] = [...nominees].sort((a, b) =>
    weightsEqual(support(a), support(b)) ? a.entry.rank - b.entry.rank : support(b) - support(a),
  );
  return { strategy: 'best_of_n', ballots, groups, winner: winner ?? ballots[0], notes: [...notes, NOMINEES_NOTE] };
}

/**
 * best_of_n: the voting candidate with the highest mean token log-probability (ties: earlier
 * stable order), compared only within one model file (candidates without a hash form one pool,
 * which must share one model name). With several files, each file's best is nominated and the
 * nominee with the most votes wins. If some pool's scores cannot be ranked (a missing score, or
 * unhashed candidates of several models), majority decides and the notes say why. Cost:
 * O(n log n), no similarity computed. Groups are still reported (one vote each, no source above
 * half), so `agreement` shows how many others gave the same answer.
 */
export function bestOfN(candidates: readonly Candidate[], options: Omit<ConsensusOptions, 'strategy'> = {}): Verdict {
  return runStrategy(candidates, { requested: 'best_of_n', options, choose: chooseBestOfN });
}
