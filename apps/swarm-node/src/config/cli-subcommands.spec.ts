import { findCliSubcommand } from './cli-subcommands';
import { parseCli } from './parse-cli';

describe('CLI subcommands', () => {
  it('finds doctor only as the first argument', () => {
    expect(findCliSubcommand(['doctor', '--json'])?.name).toBe('doctor');
    expect(findCliSubcommand(['--host', 'doctor'])).toBeUndefined();
    expect(findCliSubcommand([])).toBeUndefined();
  });

  it('lists the commands in the node\'s --help', () => {
    const result = parseCli(['--help'], '1.2.3');
    if (result.ok !== 'exit') throw new Error('expected help');
    expect(result.output).toContain('Usage: local-swarm [options] | <command> [options]');
    expect(result.output).toMatch(/Commands:\n {2}doctor {2}check why this machine does not pair/);
  });

  it('leaves the node\'s own flags as they were', () => {
    expect(parseCli(['--port', '18000'], '1.2.3')).toMatchObject({ ok: true, cli: { values: { port: 18000 } } });
    expect(parseCli([], '1.2.3')).toMatchObject({ ok: true });
  });
});
