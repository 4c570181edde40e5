import { requestOverheadMs, summarizeServing, tokensPerSecond, type ServingPair } from './serving-stats';

const pair = (httpMs: number, inProcessMs: number, tokens = 128, sameText = true): ServingPair => ({
  http: { completionTokens: tokens, wallMs: httpMs },
  inProcess: { completionTokens: tokens, wallMs: inProcessMs },
  sameText,
});

describe('tokensPerSecond', () => {
  it('divides tokens by wall seconds', () => {
    expect(tokensPerSecond({ completionTokens: 128, wallMs: 2000 })).toBe(64);
  });
  it('refuses a zero wall time', () => {
    expect(() => tokensPerSecond({ completionTokens: 1, wallMs: 0 })).toThrow(RangeError);
  });
});

describe('requestOverheadMs', () => {
  it('is the plain difference when both sides made the same tokens', () => {
    expect(requestOverheadMs(pair(2050, 2000))).toBe(50);
  });
  it('scales the in-process time when a side stopped early', () => {
    const early: ServingPair = { http: { completionTokens: 100, wallMs: 1100 }, inProcess: { completionTokens: 50, wallMs: 500 }, sameText: false };
    expect(requestOverheadMs(early)).toBe(100);
  });
});

describe('summarizeServing', () => {
  it('takes medians per side, their ratio, the paired ratio and the overhead', () => {
    const summary = summarizeServing([pair(2000, 1900), pair(2100, 2000), pair(4000, 2000, 128, false)]);
    expect(summary.pairs).toBe(3);
    expect(summary.httpTokensPerSecond).toBeCloseTo(128 / 2.1, 9);
    expect(summary.inProcessTokensPerSecond).toBeCloseTo(64, 9);
    expect(summary.ratio).toBeCloseTo(128 / 2.1 / 64, 9);
    // Per-pair ratios 0.95, 0.952 and 0.5: the median is the first.
    expect(summary.pairedRatio).toBeCloseTo(1900 / 2000, 9);
    expect(summary.overheadMs).toBe(100);
    expect(summary.httpWallMs).toBe(2100);
    expect(summary.inProcessWallMs).toBe(2000);
    expect(summary.sameTextPairs).toBe(2);
  });
  it('refuses an empty run', () => {
    expect(() => summarizeServing([])).toThrow(RangeError);
  });
});
