import { scoreAnswer } from '../scoring/score-answer';
import { PARIS, sample, SUM } from './testing/record-fixture';
import { voteAtK } from './vote-at-k';

const rightFor = (task: typeof PARIS): ((text: string) => number) => (text) => (scoreAnswer(task, text) ? 1 : 0);

describe('voteAtK', () => {
  it('cuts 16 samples into 2 disjoint groups of 7 (samples 0–6 and 7–13; 14 and 15 unused)', () => {
    // Group 1 is all Paris; group 2 all Lyon; the two left over would turn group 2 if they counted.
    const samples = [...Array(7).fill('Paris'), ...Array(7).fill('Lyon'), 'Paris', 'Paris'].map((text) => sample(text));
    const vote = voteAtK(samples, 7, PARIS.question, 'm', rightFor(PARIS));
    expect(vote.groups).toBe(2);
    expect(vote.majority).toBe(0.5);
    expect(vote.points.map((point) => point.right)).toEqual([1, 0]);
  });
  it('groups a sentence with the short answer it contains under the new grouping, not the old', () => {
    const texts = ['The capital of France is Paris.', 'Paris', 'It is Paris.', 'Lyon', 'Lyon', 'Nice', 'Rome'];
    const vote = voteAtK(texts.map((text) => sample(text)), 7, PARIS.question, 'm', rightFor(PARIS));
    expect(vote.majority).toBe(1);
    expect(vote.majorityOld).toBe(0);
    expect(vote.newRightOldWrong).toBe(1);
    expect(vote.newWrongOldRight).toBe(0);
    expect(vote.points[0]?.agreement).toBeCloseTo(3 / 7, 12);
  });
  it('counts dropped samples against agreement (honest agreement over the k asked for)', () => {
    const samples = [...Array(4).fill(null).map(() => sample('Answer: 5')), ...Array(3).fill(null).map(() => sample('Answer: 5 and then', 48, 'length'))];
    const vote = voteAtK(samples, 7, SUM.question, 'm', rightFor(SUM));
    expect(vote.points[0]?.agreement).toBeCloseTo(4 / 7, 12);
    expect(vote.meanAgreement).toBeCloseTo(4 / 7, 12);
    expect(vote.points[0]?.entropy).toBeGreaterThan(0);
  });
  it('scores best_of_n beside majority and weighted_vote on the same groups', () => {
    const samples = ['Lyon', 'Lyon', 'Paris'].map((text, index) => sample(text, 3, 'stop', index === 2 ? -0.1 : -2));
    const vote = voteAtK(samples, 3, PARIS.question, 'm', rightFor(PARIS));
    expect(vote.majority).toBe(0);
    expect(vote.weightedVote).toBe(0);
    expect(vote.bestOfN).toBe(1);
  });
});
