import { parsePids } from './ip-command';

describe('parsePids', () => {
  it.each([
    ['', []],
    ['123\n456\n', [123, 456]],
    ['  7 \n\n 8', [7, 8]],
    ['1\n99', [99]],
    ['Cannot open network namespace "x": No such file or directory', []],
  ])('parses %j', (stdout, pids) => {
    expect(parsePids(stdout)).toEqual(pids);
  });
});
