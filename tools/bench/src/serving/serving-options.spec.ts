import { parseServingOptions } from './serving-options';

const defaults = { threads: 2, modelPath: '/models/default.gguf' };

describe('parseServingOptions', () => {
  it('has defaults that fit the suite budget', () => {
    expect(parseServingOptions([], defaults)).toEqual({
      reps: 7,
      maxTokens: 128,
      threads: 2,
      contextSize: 512,
      modelPath: '/models/default.gguf',
      seed: 42,
      temperature: 0.7,
      topP: 0.95,
      inProcessConfidence: false,
      help: false,
    });
  });
  it('reads every flag', () => {
    const options = parseServingOptions(
      ['--reps', '9', '--max-tokens', '64', '--threads', '1', '--context-size', '1024', '--model', 'm.gguf', '--seed', '7', '--temperature', '0', '--top-p', '1', '--in-process-confidence'],
      defaults,
    );
    expect(options).toMatchObject({ reps: 9, maxTokens: 64, threads: 1, contextSize: 1024, modelPath: 'm.gguf', seed: 7, temperature: 0, topP: 1, inProcessConfidence: true });
  });
  it('keeps max-tokens inside the context, leaving room for the prompt', () => {
    expect(() => parseServingOptions(['--context-size', '128', '--max-tokens', '100'], defaults)).toThrow(/--max-tokens must be an integer from 1 to 64/);
  });
  it('refuses unknown flags', () => {
    expect(() => parseServingOptions(['--federation'], defaults)).toThrow();
  });
});
