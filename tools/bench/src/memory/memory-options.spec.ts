import { parseMemoryOptions } from './memory-options';

const defaults = { threads: 2, modelPath: '/models/default.gguf' };

describe('parseMemoryOptions', () => {
  it('defaults to 1, 3, 5 and 8 instances, two starts each', () => {
    expect(parseMemoryOptions([], defaults)).toEqual({
      instances: [1, 3, 5, 8],
      starts: 2,
      contextSize: 512,
      threads: 2,
      maxTokens: 16,
      modelPath: '/models/default.gguf',
      help: false,
    });
  });
  it('sorts and de-duplicates the instance counts', () => {
    expect(parseMemoryOptions(['--instances', '5,1,5'], defaults).instances).toEqual([1, 5]);
  });
  it('needs two different counts', () => {
    expect(() => parseMemoryOptions(['--instances', '3'], defaults)).toThrow(/at least two different counts/);
  });
  it('reads the other flags', () => {
    expect(parseMemoryOptions(['--starts', '3', '--context-size', '1024', '--threads', '1', '--max-tokens', '8', '--model', 'm.gguf'], defaults)).toMatchObject({
      starts: 3,
      contextSize: 1024,
      threads: 1,
      maxTokens: 8,
      modelPath: 'm.gguf',
    });
  });
});
