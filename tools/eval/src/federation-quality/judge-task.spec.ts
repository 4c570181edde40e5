import { decide } from '@local-swarm/consensus';
import { buildViews } from './candidate-views';
import { judgeTask, type JudgeSettings } from './judge-task';
import { candidateOf, GEMMA, NODES, nineCandidates, parisTask, replyOf, sumTask } from './testing/fixtures';
import { voteVariants } from './vote-variant';

const settings: JudgeSettings = {
  views: buildViews(NODES),
  variants: voteVariants(GEMMA, 'Gemma', 1.5),
  nodeStrategy: { strategy: 'majority' },
  weightModel: GEMMA,
  weightGrid: [1, 3],
};
const measures = { elapsedMs: 5000, cpuSeconds: { 'fq-a': 1, 'fq-b': 1.5, 'fq-c': 3 } };
const smolView = `model:SmolLM2-135M-Instruct.Q4_1`;

describe('judgeTask', () => {
  // A alone says Lyon (2 of 3); with B and C, Paris has 4 of 9 against Lyon's 3.
  const candidates = nineCandidates([
    ['Lyon', 'Lyon', 'Paris'],
    ['Paris', 'Paris', 'Lyon'],
    ['Paris', 'Marseille', 'Nice'],
  ]);
  const nodeWinner = decide(candidates, { strategy: 'majority' }).winner?.index ?? -1;
  const judged = judgeTask(parisTask, replyOf(candidates, nodeWinner), measures, settings);

  it('decides each view from its own nodes only, on the same candidates', () => {
    expect(judged.views['one-node']?.correct).toEqual({ majority: false, 'weighted-equal': false, 'weighted-prior': false });
    expect(judged.views['federation']?.correct['majority']).toBe(true);
    // Equal weights: each node counts once, shared among its candidates (Paris 1/3 + 2/3 + 1/3 vs Lyon 2/3 + 1/3).
    expect(judged.views['federation']?.correct['weighted-equal']).toBe(true);
  });

  it('scores one sample per view as the share of right finished candidates', () => {
    expect(judged.views['one-node']?.sampleAccuracy).toBeCloseTo(1 / 3);
    expect(judged.views[smolView]?.sampleAccuracy).toBeCloseTo(3 / 6);
    expect(judged.views['federation']?.sampleAccuracy).toBeCloseTo(4 / 9);
  });

  it('adds up tokens and CPU per view, and says when its candidates were all in', () => {
    expect(judged.views['one-node']?.completionTokens).toBe(15);
    expect(judged.views['federation']?.completionTokens).toBe(45);
    expect(judged.views[smolView]?.cpuSeconds).toBeCloseTo(2.5);
    expect(judged.views['federation']?.doneMs).toBe(1000);
  });

  it('checks the node: its winner reproduced, its answer scored', () => {
    expect(judged.nodeWinnerReproduced).toBe(true);
    expect(judged.nodeAnswerCorrect).toBe(true);
    const other = judgeTask(parisTask, replyOf(candidates, nodeWinner === 0 ? 1 : 0), measures, settings);
    expect(other.nodeWinnerReproduced).toBe(false);
  });

  it('judges the federation once per grid weight of the favoured model', () => {
    // Gemma ×3 is clamped to half the total (A + B's 2); its Paris still joins A's and B's.
    expect(judged.weightGridCorrect).toEqual([true, true]);
  });

  it('counts cancelled and truncated candidates; they take no part in the vote', () => {
    const stopped = [
      candidateOf('fq-a', 0, '2 + 3 = 5\nAnswer: 5'),
      candidateOf('fq-a', 1, '2 + 3 = 6\nAnswer: 6', { finishReason: 'cancelled' }),
      candidateOf('fq-a', 2, '2 + 3 = 6\nAnswer: 6', { finishReason: 'cancelled' }),
      candidateOf('fq-b', 0, '2 + 3 = 5, so', { finishReason: 'length' }),
      candidateOf('fq-c', 0, 'Answer: 7'),
    ];
    const result = judgeTask(sumTask, replyOf(stopped, 0, 'vote_decided'), measures, settings);
    expect(result.earlyStop).toBe(true);
    expect(result.views['one-node']).toMatchObject({ candidates: 3, cancelled: 2, truncated: 0, voted: true, sampleAccuracy: 1 });
    expect(result.views['one-node']?.correct['majority']).toBe(true);
    expect(result.views[smolView]).toMatchObject({ truncated: 1, voted: true });
  });

  it('marks a view where no candidate could vote', () => {
    const cut = [candidateOf('fq-a', 0, 'The capital of France is', { finishReason: 'length' }), candidateOf('fq-c', 0, 'Paris')];
    const result = judgeTask(parisTask, replyOf(cut, 1), { elapsedMs: 100, cpuSeconds: {} }, settings);
    expect(result.views['one-node']?.voted).toBe(false);
    expect(result.views['one-node']?.cpuSeconds).toBeNull();
    expect(result.views['federation']?.voted).toBe(true);
  });
});
