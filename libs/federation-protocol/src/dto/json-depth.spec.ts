import { exceedsJsonDepth } from './json-depth';

function nested(depth: number): string {
  return `${'['.repeat(depth)}${']'.repeat(depth)}`;
}

describe('exceedsJsonDepth', () => {
  it.each([
    ['a scalar', '42', 0, false],
    ['an empty object at depth 1', '{}', 1, false],
    ['an empty object over depth 0', '{}', 0, true],
    ['64 levels at the limit', nested(64), 64, false],
    ['65 levels over the limit', nested(65), 64, true],
    ['objects and arrays mixed', '{"a":[{"b":[1]}]}', 4, false],
    ['objects and arrays mixed, one too deep', '{"a":[{"b":[1]}]}', 3, true],
    ['siblings do not add up', '[[1],[2],[3],[4]]', 2, false],
    ['brackets inside strings do not count', `{"a":"${'['.repeat(100)}"}`, 1, false],
    ['an escaped quote does not end the string', `{"a":"\\"${'{'.repeat(100)}"}`, 1, false],
    ['an escaped backslash ends before the quote', `["\\\\", ${nested(3)}]`, 3, true],
    ['a unicode escape of a quote stays inside the string', `["\\u0022${'['.repeat(10)}"]`, 1, false],
  ])('%s', (_label, text, maxDepth, exceeds) => {
    expect(exceedsJsonDepth(text, maxDepth)).toBe(exceeds);
  });

  it('scans a megabyte of nesting quickly, stopping at the limit', () => {
    const text = '['.repeat(1024 * 1024);
    const started = performance.now();
    expect(exceedsJsonDepth(text, 64)).toBe(true);
    expect(exceedsJsonDepth(`"${text}"`, 64)).toBe(false);
    expect(performance.now() - started).toBeLessThan(500);
  });
});
