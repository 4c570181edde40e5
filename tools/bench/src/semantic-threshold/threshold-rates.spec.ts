import { ANSWER_PAIRS } from './answer-pairs';
import { thresholdRates } from './threshold-rates';

describe('thresholdRates', () => {
  it('counts a pair as merged at or above the threshold, per kind of pair', () => {
    const pairs = [
      { cosine: 0.95, same: true },
      { cosine: 0.85, same: true },
      { cosine: 0.9, same: false },
      { cosine: 0.5, same: false },
    ];
    expect(thresholdRates(pairs, [0.8, 0.9, 0.96])).toEqual([
      { threshold: 0.8, sameMerged: 1, differentMerged: 0.5 },
      { threshold: 0.9, sameMerged: 0.5, differentMerged: 0.5 },
      { threshold: 0.96, sameMerged: 0, differentMerged: 0 },
    ]);
  });

  it('the fixed set holds 40 same-meaning and 40 different pairs', () => {
    expect(ANSWER_PAIRS.filter((pair) => pair.same)).toHaveLength(40);
    expect(ANSWER_PAIRS.filter((pair) => !pair.same)).toHaveLength(40);
  });
});
