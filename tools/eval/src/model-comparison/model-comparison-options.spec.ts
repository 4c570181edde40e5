import { DEFAULT_RESAMPLES, parseModelComparisonOptions } from './model-comparison-options';

describe('parseModelComparisonOptions', () => {
  it('reads both records files and defaults the resamples', () => {
    expect(parseModelComparisonOptions(['--baseline', 'a.jsonl', '--candidate', 'b.jsonl'])).toEqual({ baseline: 'a.jsonl', candidate: 'b.jsonl', resamples: DEFAULT_RESAMPLES, reportOnly: false });
    expect(parseModelComparisonOptions(['--baseline', 'a.jsonl', '--candidate', 'b.jsonl', '--report-only']).reportOnly).toBe(true);
  });

  it('requires both files', () => {
    expect(() => parseModelComparisonOptions(['--baseline', 'a.jsonl'])).toThrow(/both required/);
  });

  it('refuses a bad resample count', () => {
    expect(() => parseModelComparisonOptions(['--baseline', 'a', '--candidate', 'b', '--resamples', '0'])).toThrow(/positive integer/);
  });
});
