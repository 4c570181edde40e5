import { existsSync, readFileSync } from 'node:fs';
import { defaultModelPath, derivedQ4_0ModelPath } from '@local-swarm/swarm-core';
import { DEFAULT_PERPLEXITY, parsePerplexityOptions, PERPLEXITY_TEXT } from './perplexity-options';

describe('parsePerplexityOptions', () => {
  it('defaults to the shipped text, a 512-token context and a stride of 256', () => {
    expect(parsePerplexityOptions(['--baseline', 'a.gguf', '--candidate', 'b.gguf'])).toEqual({
      baseline: 'a.gguf',
      candidate: 'b.gguf',
      text: PERPLEXITY_TEXT,
      contextSize: DEFAULT_PERPLEXITY.contextSize,
      stride: DEFAULT_PERPLEXITY.stride,
      threads: undefined,
      reportOnly: false,
    });
  });

  it('measures the default model against its derived Q4_0 file when no files are named', () => {
    const options = parsePerplexityOptions(['--report-only']);
    expect(options.baseline).toBe(defaultModelPath());
    expect(options.candidate).toBe(derivedQ4_0ModelPath());
    expect(options.reportOnly).toBe(true);
  });

  it('refuses a stride that leaves a window no context', () => {
    expect(() => parsePerplexityOptions(['--baseline', 'a', '--candidate', 'b', '--context-size', '64', '--stride', '63'])).toThrow(/--stride must be below/);
    expect(() => parsePerplexityOptions(['--baseline', 'a', '--candidate', 'b', '--threads', '0'])).toThrow(/--threads/);
  });

  it('ships a text of a few thousand words', () => {
    expect(existsSync(PERPLEXITY_TEXT)).toBe(true);
    expect(readFileSync(PERPLEXITY_TEXT, 'utf8').split(/\s+/).filter(Boolean).length).toBeGreaterThan(2500);
  });
});
