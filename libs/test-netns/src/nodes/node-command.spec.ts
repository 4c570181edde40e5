import { nodeCommand } from './node-command';

describe('nodeCommand', () => {
  it('runs the entry with node when not pinned', () => {
    expect(nodeCommand({ execPath: '/usr/bin/node', entry: '/repo/main.js', args: ['--port', '1'] })).toEqual({
      command: '/usr/bin/node',
      args: ['/repo/main.js', '--port', '1'],
    });
    expect(nodeCommand({ execPath: 'node', entry: 'm.js', args: [], cpus: [] }).command).toBe('node');
  });
  it('pins with taskset -c when CPUs are given', () => {
    expect(nodeCommand({ execPath: 'node', entry: 'm.js', args: ['-x'], cpus: [0, 1] })).toEqual({
      command: 'taskset',
      args: ['-c', '0,1', 'node', 'm.js', '-x'],
    });
  });
  it.each([[[-1]], [[1.5]], [[Number.NaN]]])('refuses CPUs %j', (cpus) => {
    expect(() => nodeCommand({ execPath: 'node', entry: 'm.js', args: [], cpus })).toThrow(RangeError);
  });
});
