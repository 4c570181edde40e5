import { PARIS, sample, taskRecord } from '../analysis/testing/record-fixture';
import type { EvalTask } from '../tasks/eval-task';
import { compareModels, type ComparisonSettings } from './compare-models';
import type { PairedTask } from './paired-runs';

const settings: ComparisonSettings = { ks: [3], seed: 1, resamples: 500, baselineModelId: 'a', candidateModelId: 'b' };
const task = (id: string): EvalTask => ({ ...PARIS, id });
const right = sample('Paris.');
const wrong = sample('Lyon.');
const cut = sample('The capital of', 24, 'length');

/** One task: greedy right or not, and three samples (one vote of 3). */
const answered = (id: string, greedy: boolean, samples: readonly ReturnType<typeof sample>[]) => taskRecord(task(id), greedy ? right : wrong, samples);

describe('compareModels', () => {
  const pairs: PairedTask[] = [
    { baseline: answered('t1', true, [right, right, wrong]), candidate: answered('t1', true, [right, right, wrong]) },
    { baseline: answered('t2', true, [right, right, right]), candidate: answered('t2', false, [wrong, wrong, right]) },
    { baseline: answered('t3', false, [wrong, wrong, wrong]), candidate: answered('t3', true, [right, cut, cut]) },
    { baseline: answered('t4', true, [right, wrong, right]), candidate: answered('t4', true, [wrong, wrong, right]) },
  ];
  const comparison = compareModels(pairs, settings);

  it('reports each model’s greedy accuracy and the paired difference candidate − baseline', () => {
    const greedy = comparison.measures[0];
    expect(greedy?.measure).toBe('greedy');
    expect(greedy?.baseline.estimate).toBe(0.75);
    expect(greedy?.candidate.estimate).toBe(0.75);
    expect(greedy?.difference.estimate).toBe(0);
    expect(greedy?.betterOnBaseline).toBe(1);
    expect(greedy?.betterOnCandidate).toBe(1);
  });

  it('scores majority@k with the product’s vote, which drops truncated candidates', () => {
    const vote = comparison.measures[1];
    expect(vote?.measure).toBe('majority@3');
    // Baseline: t1, t2, t4 right. Candidate: t1 right, t3 right (the two cut answers do not vote).
    expect(vote?.baseline.estimate).toBe(0.75);
    expect(vote?.candidate.estimate).toBe(0.5);
    expect(vote?.difference.estimate).toBe(-0.25);
    expect(vote?.betterOnBaseline).toBe(2);
    expect(vote?.betterOnCandidate).toBe(1);
  });

  it('gives the paired interval around the difference', () => {
    const vote = comparison.measures[1];
    expect(vote?.difference.lo).toBeLessThanOrEqual(-0.25);
    expect(vote?.difference.hi).toBeGreaterThanOrEqual(-0.25);
  });

  it('reports the share of truncated answers of each model', () => {
    expect(comparison.truncated.baseline).toEqual({ greedy: 0, samples: 0 });
    expect(comparison.truncated.candidate.samples).toBeCloseTo(2 / 12);
  });

  it('refuses an empty comparison', () => {
    expect(() => compareModels([], settings)).toThrow(/no paired tasks/);
  });
});
