import { perplexityWindows } from './perplexity-windows';

describe('perplexityWindows', () => {
  it('scores every token after the first exactly once', () => {
    for (const [count, size, stride] of [[10, 4, 2], [11, 4, 3], [100, 16, 5], [3, 8, 4]] as const) {
      const scored = perplexityWindows(count, size, stride).flatMap((window) => Array.from({ length: window.end - window.scoreFrom }, (_, offset) => window.scoreFrom + offset));
      expect(scored).toEqual(Array.from({ length: count - 1 }, (_, index) => index + 1));
    }
  });

  it('keeps windows within the size, starting a stride apart', () => {
    expect(perplexityWindows(10, 4, 2)).toEqual([
      { start: 0, end: 4, scoreFrom: 1 },
      { start: 2, end: 6, scoreFrom: 4 },
      { start: 4, end: 8, scoreFrom: 6 },
      { start: 6, end: 10, scoreFrom: 8 },
    ]);
  });

  it('gives every token past the first window at least size − stride tokens of context', () => {
    for (const window of perplexityWindows(200, 32, 12).slice(1)) expect(window.scoreFrom - window.start).toBeGreaterThanOrEqual(32 - 12);
  });

  it('refuses a stride that would leave a window no context', () => {
    expect(() => perplexityWindows(10, 4, 4)).toThrow(/stride/);
    expect(() => perplexityWindows(10, 4, 0)).toThrow(/stride/);
    expect(() => perplexityWindows(10, 1, 1)).toThrow(/window size/);
  });
});
