import type { Candidate } from '../candidate/candidate';
import { regroupVoting } from '../grouping/regroup-voting';
import { assertValidOptions, type ConsensusOptions } from '../options/consensus-options';
import type { StrategyName } from '../strategies/strategy-name';
import { badnessOf, type DropReason } from '../validation/drop-reason';
import { agreementOf } from '../verdict/agreement';
import type { RankedCandidate, Verdict } from '../verdict/verdict';
import { isNonEmpty, type Ballot, type NonEmpty } from './ballot';
import { screenCandidates, type ScreenedCandidate } from './screen-candidates';
import type { RankedGroup } from './tally-groups';

/** What a strategy decided among the voting candidates. */
export interface StrategyChoice {
  /** The strategy actually applied. */
  readonly strategy: StrategyName;
  /** Every voting candidate with its weight. */
  readonly ballots: readonly Ballot[];
  /** Heaviest first, members best first. */
  readonly groups: readonly RankedGroup[];
  readonly winner: Ballot;
  readonly notes: readonly string[];
}

export interface RunSpec {
  readonly requested: StrategyName;
  readonly options: Omit<ConsensusOptions, 'strategy'>;
  /** Orders dropped candidates among themselves, after badness (first_valid: by latency). */
  readonly dropTieBreak?: (a: ScreenedCandidate, b: ScreenedCandidate) => number;
  readonly choose: (voting: NonEmpty<ScreenedCandidate>) => StrategyChoice;
}

function byRank(a: ScreenedCandidate, b: ScreenedCandidate): number {
  return a.rank - b.rank;
}

function dropReasonOf(entry: ScreenedCandidate): DropReason {
  // Only called on dropped entries; 'error' keeps the type total without a non-null assertion.
  return entry.dropReason ?? 'error';
}

function ranked(entry: ScreenedCandidate, weight: number): RankedCandidate {
  return { index: entry.index, candidate: entry.candidate, groupKey: entry.voteKey, weight };
}

function dropNote(dropped: readonly ScreenedCandidate[], total: number): string {
  const counts = new Map<DropReason, number>();
  for (const entry of dropped) counts.set(dropReasonOf(entry), (counts.get(dropReasonOf(entry)) ?? 0) + 1);
  const detail = [...counts]
    .sort(([a], [b]) => badnessOf(a) - badnessOf(b))
    .map(([reason, count]) => `${reason}: ${count}`)
    .join(', ');
  return `dropped ${dropped.length} of ${total} candidates before voting (${detail})`;
}

/**
 * The pipeline every strategy shares: check options, screen (validate, canonicalise, stable
 * order), let the strategy choose among voting candidates, and assemble the Verdict, including
 * the empty-input and all-dropped cases, so no strategy can get those wrong on its own.
 */
export function runStrategy(candidates: readonly Candidate[], spec: RunSpec): Verdict {
  assertValidOptions({ ...spec.options, strategy: spec.requested });
  const screened = screenCandidates(candidates, spec.options);
  const base = { requestedStrategy: spec.requested, strategy: spec.requested };
  const nobodyVoted = agreementOf({ strategy: spec.requested, screened, winnerGroup: [], groups: [], options: spec.options });
  if (screened.length === 0) {
    return {
      ...base,
      winner: null,
      ranking: [],
      groups: [],
      ...nobodyVoted,
      valid: false,
      dropped: [],
      notes: ['no candidates'],
    };
  }

  const dropTieBreak = spec.dropTieBreak ?? byRank;
  const dropped = screened
    .filter((entry) => entry.dropReason !== null)
    .sort((a, b) => badnessOf(dropReasonOf(a)) - badnessOf(dropReasonOf(b)) || dropTieBreak(a, b) || byRank(a, b));
  const droppedRanking = dropped.map((entry) => ranked(entry, 0));
  const droppedList = dropped.map((entry) => ({ index: entry.index, reason: dropReasonOf(entry) }));
  const notes = dropped.length > 0 ? [dropNote(dropped, screened.length)] : [];

  const voting = screened.filter((entry) => entry.dropReason === null);
  if (!isNonEmpty(voting)) {
    const [leastBad] = droppedRanking;
    return {
      ...base,
      winner: leastBad ?? null,
      ranking: droppedRanking,
      groups: [],
      ...nobodyVoted,
      valid: false,
      dropped: droppedList,
      notes: [
        ...notes,
        `no candidate passed validation: returning the least bad one (${droppedList[0]?.reason ?? 'none'})`,
      ],
    };
  }

  const choice = spec.choose(regroupVoting(voting, spec.options));
  const winnerGroup = choice.groups.find((group) => group.key === choice.winner.entry.voteKey);
  const otherGroups = choice.groups.filter((group) => group !== winnerGroup);
  const votingRanking = [
    choice.winner,
    ...(winnerGroup?.members ?? []).filter((member) => member !== choice.winner),
    ...otherGroups.flatMap((group) => group.members),
  ].map((ballot) => ranked(ballot.entry, ballot.weight));
  const totalWeight = choice.ballots.reduce((sum, ballot) => sum + ballot.weight, 0);
  const indexesOf = (group: RankedGroup): number[] => group.members.map((member) => member.entry.index);
  const agreement = agreementOf({
    strategy: choice.strategy,
    screened,
    winnerGroup: winnerGroup === undefined ? [] : indexesOf(winnerGroup),
    groups: choice.groups.map(indexesOf),
    options: spec.options,
  });
  if (totalWeight <= 0) notes.push('every voting candidate has zero weight: decided by tie-breaks alone');

  return {
    ...base,
    strategy: choice.strategy,
    winner: votingRanking[0] ?? null,
    ranking: [...votingRanking, ...droppedRanking],
    groups: choice.groups.map((group) => ({
      key: group.key,
      layer: group.layer,
      memberIndexes: group.members.map((member) => member.entry.index),
      weight: group.weight,
    })),
    ...agreement,
    valid: true,
    dropped: droppedList,
    notes: [...notes, ...choice.notes],
  };
}
