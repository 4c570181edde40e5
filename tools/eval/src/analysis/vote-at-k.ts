import type { StrategyName } from '@local-swarm/consensus';
import type { SampleRecord } from '../records/answer-record';
import { CANONICAL_GROUPING, voteOnGroup, type GroupingChoice, type GroupVote } from './group-vote';
import { disjointGroups } from './sample-candidates';

/** One group's majority vote (new grouping) as calibration reads it: how sure, and whether right. */
export interface VotePoint {
  readonly agreement: number;
  /** Entropy over the groups (nats). */
  readonly entropy: number;
  /** 1 when the winner is right. */
  readonly right: number;
}

/** Per-k figures of one task: each is a mean over the task's floor(samples / k) disjoint groups. */
/**
 * How the votes went, counted over groups: of one task (VoteAtK) or summed over tasks, with the
 * agreement a mean over tasks (VoteSummary).
 */
export interface VoteTallies {
  /** Groups where weighted_vote picked another sample than majority (layered). */
  readonly weightedDiffers: number;
  /** Groups the new grouping got right and the old wrong, and the other way round (majority). */
  readonly newRightOldWrong: number;
  readonly newWrongOldRight: number;
  /** Mean of decide()'s agreement (majority, layered / canonical grouping). */
  readonly meanAgreement: number;
  readonly meanAgreementOld: number;
  /** Groups where no two voting answers were grouped together (majority, layered / canonical). */
  readonly groupsWithoutAgreement: number;
  readonly groupsWithoutAgreementOld: number;
}

export interface VoteAtK extends VoteTallies {
  readonly k: number;
  readonly groups: number;
  /** Share of groups whose majority winner is right (layered grouping, the question given). */
  readonly majority: number;
  /** The same with exact canonical forms only (the grouping before grouping by meaning). */
  readonly majorityOld: number;
  /** Share of groups whose weighted_vote winner is right (layered / canonical grouping). */
  readonly weightedVote: number;
  readonly weightedVoteOld: number;
  /** Share of groups whose best_of_n winner is right (layered grouping). */
  readonly bestOfN: number;
  /** Each group's majority vote (layered), in group order. */
  readonly points: readonly VotePoint[];
  /** Mean completion tokens of a group (k candidates run to their end). */
  readonly tokens: number;
}

const mean = (values: readonly number[]): number => (values.length === 0 ? Number.NaN : values.reduce((sum, value) => sum + value, 0) / values.length);

/** Every vote over the task's disjoint groups of k samples, scored with `right` (1 or 0). */
export function voteAtK(samples: readonly SampleRecord[], k: number, question: string, modelId: string, right: (text: string) => number): VoteAtK {
  const groups = disjointGroups(samples, k);
  const layered: GroupingChoice = { grouping: 'layered', question };
  const votesWith = (strategy: StrategyName, choice: GroupingChoice): GroupVote[] => groups.map((group) => voteOnGroup(group, strategy, modelId, choice));
  const accuracy = (votes: readonly GroupVote[]): number => mean(votes.map((vote) => right(vote.winnerText)));
  const majority = votesWith('majority', layered);
  const majorityOld = votesWith('majority', CANONICAL_GROUPING);
  const weighted = votesWith('weighted_vote', layered);
  const newRight = majority.map((vote) => right(vote.winnerText));
  const oldRight = majorityOld.map((vote) => right(vote.winnerText));
  return {
    k,
    groups: groups.length,
    majority: mean(newRight),
    majorityOld: mean(oldRight),
    weightedVote: accuracy(weighted),
    weightedVoteOld: accuracy(votesWith('weighted_vote', CANONICAL_GROUPING)),
    bestOfN: accuracy(votesWith('best_of_n', layered)),
    weightedDiffers: majority.filter((vote, index) => weighted[index]?.winnerIndex !== vote.winnerIndex).length,
    newRightOldWrong: newRight.filter((value, index) => value > (oldRight[index] ?? 0)).length,
    newWrongOldRight: newRight.filter((value, index) => value < (oldRight[index] ?? 0)).length,
    meanAgreement: mean(majority.map((vote) => vote.agreement)),
    meanAgreementOld: mean(majorityOld.map((vote) => vote.agreement)),
    groupsWithoutAgreement: majority.filter((vote) => vote.noTwoAlike).length,
    groupsWithoutAgreementOld: majorityOld.filter((vote) => vote.noTwoAlike).length,
    points: majority.map((vote, index) => ({ agreement: vote.agreement, entropy: vote.entropy, right: newRight[index] ?? 0 })),
    tokens: mean(groups.map((group) => group.reduce((sum, entry) => sum + entry.sample.completionTokens, 0))),
  };
}
