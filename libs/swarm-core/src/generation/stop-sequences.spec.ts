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
