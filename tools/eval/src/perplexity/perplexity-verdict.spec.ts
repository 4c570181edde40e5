import { perplexityVerdict } from './perplexity-verdict';

describe('perplexityVerdict', () => {
  it('passes a rise of at most 3 %, and any fall', () => {
    expect(perplexityVerdict(20, 20.59).passes).toBe(true);
    expect(perplexityVerdict(20, 19).passes).toBe(true);
    expect(perplexityVerdict(20, 19).relativeChange).toBeCloseTo(-0.05, 12);
  });

  it('fails a rise above 3 %', () => {
    const verdict = perplexityVerdict(20, 20.7);
    expect(verdict.passes).toBe(false);
    expect(verdict.relativeChange).toBeCloseTo(0.035, 12);
  });

  it('refuses a perplexity that is not positive', () => {
    expect(() => perplexityVerdict(0, 1)).toThrow(/positive/);
  });
});
