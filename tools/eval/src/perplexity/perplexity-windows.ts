/** One evaluation: tokens [start, end) from a fresh sequence, the log-likelihood of [scoreFrom, end) counted. */
export interface PerplexityWindow {
  readonly start: number;
  readonly end: number;
  readonly scoreFrom: number;
}

/**
 * Sliding windows over `tokenCount` tokens: each window holds at most `windowSize` tokens and starts
 * `stride` after the previous one; it scores only the tokens no earlier window scored. So every
 * token after the first is scored exactly once, and (past the first window) with at least
 * windowSize − stride tokens of context: a smaller stride gives more context per token at more cost.
 * The first token has no context and is never scored.
 */
export function perplexityWindows(tokenCount: number, windowSize: number, stride: number): PerplexityWindow[] {
  if (!Number.isInteger(windowSize) || windowSize < 2) throw new RangeError(`window size must be an integer >= 2, got ${windowSize}`);
  if (!Number.isInteger(stride) || stride < 1 || stride > windowSize - 1) throw new RangeError(`stride must be an integer in [1, ${windowSize - 1}], got ${stride}`);
  const windows: PerplexityWindow[] = [];
  let scoredUpTo = 1;
  for (let start = 0; scoredUpTo < tokenCount; start += stride) {
    const end = Math.min(start + windowSize, tokenCount);
    windows.push({ start, end, scoreFrom: scoredUpTo });
    scoredUpTo = end;
  }
  return windows;
}
