import { findStopIndex } from './stop-sequences';

describe('findStopIndex', () => {
  it.each([
    ['no stops', 'hello world', [], null],
    ['absent stop', 'hello world', ['xyz'], null],
    ['single stop', 'hello\nworld', ['\n'], 5],
    ['earliest of several', 'a. b! c', ['!', '.'], 1],
    ['ignores empty strings', 'abc', [''], null],
    ['stop at the start', 'END here', ['END'], 0],
  ])('%s', (_name, text, stops, expected) => {
    expect(findStopIndex(text, stops)).toBe(expected);
  });
});

describe('findStopIndex from where the text changed', () => {
  it('finds a stop string that spans the point where the new text starts', () => {
    expect(findStopIndex('Hi E', ['END'], 3)).toBeNull();
    expect(findStopIndex('Hi END', ['END'], 4)).toBe(3);
  });
  it('does not search the text before it again: an occurrence ending there was reported already', () => {
    expect(findStopIndex('a.b.c', ['.'], 2)).toBe(3);
  });
  it('still reports the earliest of several stops in the new text', () => {
    expect(findStopIndex('abc xy!z.', ['.', 'y!'], 4)).toBe(5);
  });
});
