import { DEFAULT_OPTIONS, parseAnswerQualityOptions } from './answer-quality-options';

const at = new Date('2026-01-02T03:04:05.678Z');

describe('parseAnswerQualityOptions', () => {
  it('has budget-sized defaults and a time-stamped records file', () => {
    const options = parseAnswerQualityOptions([], at);
    expect(options).toMatchObject({ factual: DEFAULT_OPTIONS.factual, arithmetic: DEFAULT_OPTIONS.arithmetic, samples: 16, seed: 1, threads: null });
    expect(options.records).toBe('tmp/eval/answer-quality-2026-01-02T03-04-05-678Z.jsonl');
    expect(options.analyseOnly).toBeUndefined();
  });
  it('reads every flag', () => {
    const options = parseAnswerQualityOptions(
      ['--factual', 'all', '--arithmetic', '50', '--samples', '8', '--seed', '7', '--threads', '2', '--max-tokens-arithmetic', '64', '--records', 'r.jsonl', '--top-p', '0.9'],
      at,
    );
    expect(options).toMatchObject({ factual: 'all', arithmetic: 50, samples: 8, seed: 7, threads: 2, maxTokensArithmetic: 64, records: 'r.jsonl', topP: 0.9 });
  });
  it('takes a records file to analyse without the model', () => {
    expect(parseAnswerQualityOptions(['--analyse-only', 'tmp/eval/x.jsonl']).analyseOnly).toBe('tmp/eval/x.jsonl');
  });
  it('runs the judge pass only when asked', () => {
    expect(parseAnswerQualityOptions([]).judge).toBe(false);
    expect(parseAnswerQualityOptions(['--analyse-only', 'x.jsonl', '--judge']).judge).toBe(true);
  });
  it.each([
    [['--factual', 'many'], /--factual must be an integer/],
    [['--samples', '0'], /--samples must be an integer >= 1/],
    [['--top-p', '1.5'], /--top-p must be a number in \[0, 1\]/],
    [['--threads', '0'], /--threads must be an integer >= 1/],
  ])('refuses %j', (args, message) => {
    expect(() => parseAnswerQualityOptions(args)).toThrow(message);
  });
  it('refuses an unknown flag', () => {
    expect(() => parseAnswerQualityOptions(['--nope'])).toThrow();
  });
});
