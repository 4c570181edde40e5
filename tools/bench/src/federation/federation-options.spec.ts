import { modesOf, parseFederationOptions } from './federation-options';

const parse = (...flags: string[]): ReturnType<typeof parseFederationOptions> => parseFederationOptions(['node', 'main.js', ...flags]);

describe('parseFederationOptions', () => {
  it('runs sealed and open side by side by default', () => {
    expect(parse().mode).toBe('both');
    expect(modesOf(parse().mode)).toEqual(['sealed', 'open']);
  });
  it.each(['sealed', 'open'] as const)('runs only %s when asked', (mode) => {
    expect(modesOf(parse('--mode', mode).mode)).toEqual([mode]);
  });
  it('refuses another mode, saying which are known', () => {
    const exit = jest.spyOn(process, 'exit').mockImplementation(() => {
      throw new Error('exit');
    });
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect(() => parse('--mode', 'paired')).toThrow('exit');
    expect(stderr.mock.calls.join('')).toContain('--mode must be sealed, open or both; got "paired"');
    exit.mockRestore();
    stderr.mockRestore();
  });
});
