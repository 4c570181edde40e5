import { summariseRun } from './summarise-run';
import { candidateOf, nineCandidates, observationOf, parisTask, replyOf, runOf, sumTask } from './testing/fixtures';

describe('summariseRun', () => {
  // Paris: A alone wrong (Lyon 2 of 3), the federation right. Sum: everyone right, but the node
  // stopped two of A's candidates early once the vote was decided.
  const paris = nineCandidates([
    ['Lyon', 'Lyon', 'Paris'],
    ['Paris', 'Paris', 'Lyon'],
    ['Paris', 'Marseille', 'Nice'],
  ]);
  const sum = [
    candidateOf('fq-a', 0, 'Answer: 5'),
    candidateOf('fq-a', 1, 'Answer', { finishReason: 'cancelled' }),
    candidateOf('fq-a', 2, 'Answer', { finishReason: 'cancelled' }),
    candidateOf('fq-b', 0, 'Answer: 5'),
    candidateOf('fq-c', 0, 'Answer: 5', { finishReason: 'length' }),
  ];
  const run = runOf([
    observationOf(parisTask, replyOf(paris, 3), { 'fq-a': 1, 'fq-b': 1, 'fq-c': 2 }),
    observationOf(sumTask, replyOf(sum, 0, 'vote_decided'), { 'fq-a': 2, 'fq-b': 2, 'fq-c': 4 }),
    observationOf({ ...sumTask, id: 'a2' }, null),
  ]);
  const summary = summariseRun(run);

  it('judges the answered tasks and lists the failed ones', () => {
    expect(summary.judgements.map((judgement) => judgement.taskId)).toEqual(['f1', 'a1']);
    expect(summary.failed).toEqual([{ taskId: 'a2', error: 'HTTP 500: boom' }]);
  });

  it('pairs the federation with one node on the same tasks', () => {
    expect(summary.accuracy['one-node']?.['majority']).toMatchObject({ right: 1, total: 2 });
    expect(summary.accuracy['federation']?.['majority']).toMatchObject({ right: 2, total: 2 });
    expect(summary.versusOneNode['federation']?.['majority']).toMatchObject({ wins: 1, losses: 0 });
    expect(summary.versusOneNode['federation']?.['majority']?.interval.estimate).toBeCloseTo(0.5);
    expect(summary.versusOneNode).not.toHaveProperty('one-node');
    expect(summary.oneNodeVersusFederation).toEqual([{ taskId: 'f1', family: 'factual', rightIn: expect.arrayContaining(['federation']) as unknown }]);
  });

  it('names the federation tasks where majority and weighted_vote part ways', () => {
    expect(summary.majorityVersusWeighted).toEqual({ majorityOnly: [], weightedOnly: [] });
  });

  it('breaks accuracy down by family', () => {
    expect(summary.familyAccuracy.factual?.['one-node']).toEqual({ right: 0, total: 1 });
    expect(summary.familyAccuracy.arithmetic?.['federation']).toEqual({ right: 1, total: 1 });
  });

  it('counts early exits and the one-node views they shortened', () => {
    expect(summary.earlyExit).toEqual({ requests: 1, cancelled: 2, cancelledAsked: 2, oneNodeShort: 1 });
  });

  it('reports cost: tokens, CPU, truncation and the CPU-bound wall time on the cores', () => {
    expect(summary.cost['federation']).toMatchObject({ medianTokens: (45 + 25) / 2, medianCpuSeconds: (4 + 8) / 2 });
    expect(summary.cost['one-node']).toMatchObject({ medianCpuSeconds: 1.5, votedRequests: 2 });
    expect(summary.cost['model:gemma-3-270m-q4_k_m']).toMatchObject({ truncatedShare: 1 / 4, votedRequests: 1 });
    // max(busiest node, total / 2 cores): paris max(2, 2) s, sum max(4, 4) s.
    expect(summary.medianCpuBoundMs).toBeCloseTo(3000);
  });

  it('checks that decide() reproduces the node', () => {
    expect(summary.nodeAnswerRight).toBe(2);
    expect(summary.modelMismatches).toEqual([]);
  });

  it('needs at least one answered task', () => {
    expect(() => summariseRun(runOf([observationOf(parisTask, null)]))).toThrow(/no task was answered/);
  });
});
