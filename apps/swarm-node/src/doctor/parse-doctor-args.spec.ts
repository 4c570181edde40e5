import { parseDoctorArgs } from './parse-doctor-args';

describe('parseDoctorArgs', () => {
  it('defaults: automatic host, port 17615, 3 s, text', () => {
    expect(parseDoctorArgs([])).toEqual({ ok: true, options: { host: null, port: 17615, timeoutMs: 3000, json: false, configDir: null, swarmKeyFile: null } });
  });

  it('reads every flag', () => {
    const parsed = parseDoctorArgs(['--host', '10.0.0.2', '--port', '18000', '--timeout-ms', '5000', '--json', '--config-dir', '/srv/ls', '--swarm-key-file', '/srv/ls.key']);
    expect(parsed).toEqual({
      ok: true,
      options: { host: '10.0.0.2', port: 18000, timeoutMs: 5000, json: true, configDir: '/srv/ls', swarmKeyFile: '/srv/ls.key' },
    });
  });

  it.each([
    [['--port', '0'], '--port must be an integer from 1 to 65535, got "0"'],
    [['--port', 'http'], '--port must be an integer from 1 to 65535, got "http"'],
    [['--timeout-ms', '10'], '--timeout-ms must be an integer from 1500 to 60000, got "10"'],
    [['--timeout-ms', '1e9'], '--timeout-ms must be an integer from 1500 to 60000, got "1e9"'],
    [['--host', ' '], '--host must be an IP address, got ""'],
    [['--config-dir', ' '], '--config-dir must name a folder, got ""'],
    [['--swarm-key-file', ''], '--swarm-key-file must name a file, got ""'],
  ])('refuses %j with a clear message', (argv, message) => {
    expect(parseDoctorArgs(argv)).toEqual({ ok: false, message });
  });

  it('refuses unknown flags and stray arguments', () => {
    expect(parseDoctorArgs(['--federation'])).toMatchObject({ ok: false, message: expect.stringContaining("unknown option '--federation'") });
    expect(parseDoctorArgs(['now'])).toMatchObject({ ok: false, message: expect.stringContaining('too many arguments') });
  });

  it('returns the help text for --help', () => {
    const parsed = parseDoctorArgs(['--help']);
    if (parsed.ok !== 'exit') throw new Error('expected help');
    for (const flag of ['--host <ip>', '--port <n>', '--timeout-ms <n>', '--json']) expect(parsed.output).toContain(flag);
  });
});
