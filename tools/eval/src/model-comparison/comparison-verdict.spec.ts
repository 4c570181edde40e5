import type { MeasureComparison, ModelComparison } from './compare-models';
import { accuracyVerdict } from './comparison-verdict';

const measure = (name: string, estimate: number, lo: number): MeasureComparison => ({
  measure: name,
  baseline: { estimate: 0.5, lo: 0.4, hi: 0.6 },
  candidate: { estimate: 0.5 + estimate, lo: 0.4, hi: 0.6 },
  difference: { estimate, lo, hi: estimate + 0.03 },
  betterOnBaseline: 0,
  betterOnCandidate: 0,
});
const comparison = (measures: readonly MeasureComparison[]): ModelComparison => ({
  tasks: 100,
  measures,
  truncated: { baseline: { greedy: 0, samples: 0 }, candidate: { greedy: 0, samples: 0 } },
  outcomes: [],
});

describe('accuracyVerdict', () => {
  it('passes when every drop is at most 2 points', () => {
    const verdict = accuracyVerdict(comparison([measure('greedy', -0.02, -0.05), measure('majority@8', 0.01, -0.03)]));
    expect(verdict.passes).toBe(true);
  });

  it('fails when any measure drops by more than 2 points', () => {
    const verdict = accuracyVerdict(comparison([measure('greedy', 0, -0.03), measure('majority@8', -0.021, -0.06)]));
    expect(verdict.passes).toBe(false);
    expect(verdict.measures.map((entry) => entry.passes)).toEqual([true, false]);
  });

  it('says whether the whole interval stays within the limit', () => {
    const verdict = accuracyVerdict(comparison([measure('greedy', 0, -0.015), measure('majority@8', 0, -0.025)]));
    expect(verdict.measures.map((entry) => entry.intervalWithinLimit)).toEqual([true, false]);
  });
});
