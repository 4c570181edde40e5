import { FETCH_ERROR_CODES } from './errors';
import { parseArgs } from './parse-args';

describe('parseArgs', () => {
  const defaults = { model: 'default', printPath: false, verify: false, quiet: false, help: false };

  it.each<[string[], Partial<typeof defaults>]>([
    [[], {}],
    [['--model', 'gemma3-270m'], { model: 'gemma3-270m' }],
    [['--model=default', '--print-path'], { printPath: true }],
    [['-m', 'x', '--verify', '-q'], { model: 'x', verify: true, quiet: true }],
    [['--help'], { help: true }],
  ])('%j', (argv, expected) => {
    expect(parseArgs(argv)).toEqual({ ...defaults, ...expected });
  });

  it.each([[['--model']], [['--model', '--verify']], [['--model=']], [['--bogus']], [['extra']]])(
    'rejects %j',
    (argv) => {
      expect(() => parseArgs(argv)).toThrow(expect.objectContaining({ code: FETCH_ERROR_CODES.USAGE }) as unknown as Error);
    },
  );
});
