import type { Interval } from '@local-swarm/bench-kit';
import { summariseVote } from './summarise-vote';
import type { TaskOutcome } from './task-outcome';
import type { VoteAtK } from './vote-at-k';

/** The estimate only: the differences are what this spec checks, the bootstrap has its own. */
const meanOnly = (values: readonly number[]): Interval => {
  const estimate = values.reduce((sum, value) => sum + value, 0) / values.length;
  return { estimate, lo: estimate, hi: estimate };
};

function outcome(taskId: string, greedy: number, vote: Partial<VoteAtK>): TaskOutcome {
  const full: VoteAtK = {
    k: 7, groups: 2, majority: 0, majorityOld: 0, weightedVote: 0, weightedVoteOld: 0, bestOfN: 0, weightedDiffers: 0, newRightOldWrong: 0, newWrongOldRight: 0,
    meanAgreement: 0.5, meanAgreementOld: 0.4, groupsWithoutAgreement: 0, groupsWithoutAgreementOld: 1, points: [], tokens: 10, ...vote,
  };
  return { taskId, family: 'factual', greedy, singleSample: 0.5, votes: [full], earlyExit: [], tokens: { greedy: 1, sample: 1 }, wallMs: { greedy: 1, sampled: 1 }, truncated: { greedy: 0, samples: 0 } };
}

describe('summariseVote', () => {
  const outcomes = [
    outcome('t1', 0, { majority: 1, majorityOld: 0.25, weightedVote: 1, weightedVoteOld: 0, newRightOldWrong: 1 }),
    outcome('t2', 1, { majority: 0.5, majorityOld: 1, weightedVote: 0.5, weightedVoteOld: 1, newWrongOldRight: 1 }),
    outcome('t3', 0, { majority: 0, majorityOld: 0, bestOfN: 1 }),
  ];
  const summary = summariseVote(7, outcomes, meanOnly);

  it('pairs new − greedy and new − old task by task, for majority and weighted_vote', () => {
    expect(summary.majorityMinusGreedy.estimate).toBeCloseTo((1 - 0 + (0.5 - 1) + 0) / 3, 12);
    expect(summary.majorityMinusOld.estimate).toBeCloseTo((1 - 0.25 + (0.5 - 1) + 0) / 3, 12);
    expect(summary.weightedVoteMinusGreedy.estimate).toBeCloseTo((1 - 0.5) / 3, 12);
    expect(summary.weightedVoteMinusOld.estimate).toBeCloseTo((1 - 0.5) / 3, 12);
  });
  it('reports each accuracy and the counts over groups', () => {
    expect(summary.majority.estimate).toBe(0.5);
    expect(summary.majorityOld.estimate).toBeCloseTo(1.25 / 3, 12);
    expect(summary.bestOfN.estimate).toBeCloseTo(1 / 3, 12);
    expect([summary.newRightOldWrong, summary.newWrongOldRight, summary.groups, summary.groupsWithoutAgreementOld]).toEqual([1, 1, 6, 3]);
  });
  it('refuses a task without a vote of that size', () => {
    expect(() => summariseVote(5, outcomes, meanOnly)).toThrow(RangeError);
  });
});
