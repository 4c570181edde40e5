import { ConfigErrorCode } from './config-error';
import { DEFAULT_SEMANTIC_THRESHOLD } from './node-fields';
import { parseCli } from './parse-cli';
import { similarityThresholds } from './threshold-kinds';

describe('--semantic-grouping [threshold]', () => {
  it.each([
    [['--semantic-grouping'], DEFAULT_SEMANTIC_THRESHOLD],
    [['--semantic-grouping', '0.9'], 0.9],
    [['--semantic-grouping=1'], 1],
    [['--semantic-grouping', '.95'], 0.95],
  ] as const)('%j sets the threshold %d', (argv, threshold) => {
    expect(parseCli(argv, '1.2.3')).toEqual({ ok: true, cli: { values: { semanticGrouping: threshold }, configFile: null } });
  });

  it.each(['0', '1.5', '-0.5', 'NaN', '1e-1', 'high', ''])('refuses %j at startup with the bounds', (raw) => {
    expect(parseCli(['--semantic-grouping', raw], '1.2.3')).toEqual({
      ok: false,
      error: { code: ConfigErrorCode.INVALID_VALUE, message: `error: --semantic-grouping must be a number greater than 0 and at most 1, got ${JSON.stringify(raw)}` },
    });
  });

  it('in a file: a number in (0, 1], anything else invalid', () => {
    const kind = similarityThresholds(0.98);
    expect(kind.fromFile(0.9, 'c.yaml')).toBe(0.9);
    for (const bad of [0, 1.01, Number.POSITIVE_INFINITY, '0.9', true]) expect(kind.fromFile(bad, 'c.yaml')).toBeUndefined();
  });
});
