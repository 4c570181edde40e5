import type { Interval } from '@local-swarm/bench-kit';
import type { TaskOutcome } from './task-outcome';
import type { VoteTallies } from './vote-at-k';

/** Accuracy of a vote size, new grouping beside the old, with paired differences. */
export interface VoteSummary extends VoteTallies {
  readonly k: number;
  /** Layered grouping (the question given). */
  readonly majority: Interval;
  readonly weightedVote: Interval;
  /** Exact canonical forms only (the grouping before grouping by meaning). */
  readonly majorityOld: Interval;
  readonly weightedVoteOld: Interval;
  readonly bestOfN: Interval;
  /** Paired over tasks: majority@k − greedy, task by task. */
  readonly majorityMinusGreedy: Interval;
  /** Paired over tasks: majority@k − one sample (is the vote better than its own voters?). */
  readonly majorityMinusSingle: Interval;
  /** Paired over tasks: new grouping − old grouping. */
  readonly majorityMinusOld: Interval;
  readonly weightedVoteMinusGreedy: Interval;
  readonly weightedVoteMinusOld: Interval;
  readonly groups: number;
  /** Mean completion tokens per task of k candidates. */
  readonly tokens: number;
}

const mean = (values: readonly number[]): number => values.reduce((sum, value) => sum + value, 0) / values.length;

/** The figures of vote size k over the tasks given; `interval` is the run's bootstrap over tasks. */
export function summariseVote(k: number, outcomes: readonly TaskOutcome[], interval: (values: readonly number[]) => Interval): VoteSummary {
  const perTask = outcomes.map((outcome) => {
    const vote = outcome.votes.find((entry) => entry.k === k);
    if (vote === undefined) throw new RangeError(`${outcome.taskId} has no vote of size ${k}`);
    return { outcome, vote };
  });
  const figure = (value: (entry: (typeof perTask)[number]) => number): Interval => interval(perTask.map(value));
  const total = (value: (entry: (typeof perTask)[number]) => number): number => perTask.reduce((sum, entry) => sum + value(entry), 0);
  return {
    k,
    majority: figure(({ vote }) => vote.majority),
    weightedVote: figure(({ vote }) => vote.weightedVote),
    majorityOld: figure(({ vote }) => vote.majorityOld),
    weightedVoteOld: figure(({ vote }) => vote.weightedVoteOld),
    bestOfN: figure(({ vote }) => vote.bestOfN),
    majorityMinusGreedy: figure(({ vote, outcome }) => vote.majority - outcome.greedy),
    majorityMinusSingle: figure(({ vote, outcome }) => vote.majority - outcome.singleSample),
    majorityMinusOld: figure(({ vote }) => vote.majority - vote.majorityOld),
    weightedVoteMinusGreedy: figure(({ vote, outcome }) => vote.weightedVote - outcome.greedy),
    weightedVoteMinusOld: figure(({ vote }) => vote.weightedVote - vote.weightedVoteOld),
    weightedDiffers: total(({ vote }) => vote.weightedDiffers),
    newRightOldWrong: total(({ vote }) => vote.newRightOldWrong),
    newWrongOldRight: total(({ vote }) => vote.newWrongOldRight),
    meanAgreement: mean(perTask.map(({ vote }) => vote.meanAgreement)),
    meanAgreementOld: mean(perTask.map(({ vote }) => vote.meanAgreementOld)),
    groupsWithoutAgreement: total(({ vote }) => vote.groupsWithoutAgreement),
    groupsWithoutAgreementOld: total(({ vote }) => vote.groupsWithoutAgreementOld),
    groups: total(({ vote }) => vote.groups),
    tokens: mean(perTask.map(({ vote }) => vote.tokens)),
  };
}
