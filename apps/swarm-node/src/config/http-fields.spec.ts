import { ConfigErrorCode } from './config-error';
import { loadConfigFile } from './load-config-file';
import { parseCli } from './parse-cli';
import { resolveNodeConfig } from './resolve-node-config';

function cliValues(argv: readonly string[]): unknown {
  const result = parseCli(argv, '1.2.3');
  if (result.ok !== true) throw new Error(`expected values, got ${JSON.stringify(result)}`);
  return result.cli.values;
}

function cliError(argv: readonly string[]): string {
  const result = parseCli(argv, '1.2.3');
  if (result.ok !== false) throw new Error(`expected an error, got ${JSON.stringify(result)}`);
  expect(result.error.code).toBe(ConfigErrorCode.INVALID_VALUE);
  return result.error.message;
}

function fileResult(yaml: string): ReturnType<typeof loadConfigFile> {
  return loadConfigFile('c.yaml', () => yaml);
}

describe('HTTP settings', () => {
  it.each([
    [['--allowed-host', 'Swarm.LAN.', '--allowed-host', '[2001:db8::5]'], { allowedHosts: ['swarm.lan', '2001:db8::5'] }],
    [['--cors-origin', 'https://Tools.LAN:443', '--cors-origin', 'http://[::1]:3000'], { corsOrigins: ['https://tools.lan', 'http://[::1]:3000'] }],
    [['--body-limit', '1024'], { bodyLimit: 1024 }],
    [['--body-limit', String(64 * 1024 * 1024)], { bodyLimit: 64 * 1024 * 1024 }],
    [['--request-timeout-ms', '1000'], { requestTimeoutMs: 1000 }],
    [['--max-connections', '1'], { maxConnections: 1 }],
  ])('reads %j', (argv, values) => {
    expect(cliValues(argv)).toEqual(values);
  });

  it.each([
    [['--allowed-host', 'swarm.lan:80'], '--allowed-host must be a host name or IP address, without port (e.g. swarm.lan), got "swarm.lan:80"'],
    [['--allowed-host', 'ok.lan', '--allowed-host', 'http://x'], '--allowed-host must be a host name or IP address, without port (e.g. swarm.lan), got "http://x"'],
    [['--allowed-host', '*.example.com'], '--allowed-host must be a host name or IP address, without port (e.g. swarm.lan), got "*.example.com"'],
    [['--cors-origin', 'tools.lan'], '--cors-origin must be a web origin (scheme://host[:port], e.g. http://192.168.1.20:3000), got "tools.lan"'],
    [['--cors-origin', 'http://tools.lan/'], '--cors-origin must be a web origin (scheme://host[:port], e.g. http://192.168.1.20:3000), got "http://tools.lan/"'],
    [['--cors-origin', 'http://user@tools.lan'], '--cors-origin must be a web origin (scheme://host[:port], e.g. http://192.168.1.20:3000), got "http://user@tools.lan"'],
    [['--cors-origin', 'null'], '--cors-origin must be a web origin (scheme://host[:port], e.g. http://192.168.1.20:3000), got "null"'],
    [['--cors-origin', 'file:///x'], '--cors-origin must be a web origin (scheme://host[:port], e.g. http://192.168.1.20:3000), got "file:///x"'],
    [['--cors-origin', '*'], '--cors-origin must be a web origin (scheme://host[:port], e.g. http://192.168.1.20:3000), got "*"'],
    [['--body-limit', '1023'], '--body-limit must be an integer between 1024 and 67108864, got "1023"'],
    [['--body-limit', String(64 * 1024 * 1024 + 1)], '--body-limit must be an integer between 1024 and 67108864, got "67108865"'],
    [['--request-timeout-ms', '999'], '--request-timeout-ms must be an integer between 1000 and 3600000, got "999"'],
    [['--max-connections', '0'], '--max-connections must be an integer between 1 and 65535, got "0"'],
  ])('refuses %j', (argv, message) => {
    expect(cliError(argv)).toBe(`error: ${message}`);
  });

  it('reads the keys from a config file, normalized like the flags', () => {
    const yaml = 'allowedHosts: [Swarm.LAN]\ncorsOrigins: ["http://tools.lan:80"]\nbodyLimit: 4096\nrequestTimeoutMs: 5000\nmaxConnections: 16\n';
    const result = fileResult(yaml);
    if (result.ok !== true) throw new Error(JSON.stringify(result));
    expect(result.values).toMatchObject({
      allowedHosts: ['swarm.lan'],
      corsOrigins: ['http://tools.lan'],
      bodyLimit: 4096,
      requestTimeoutMs: 5000,
      maxConnections: 16,
    });
  });

  it('names the bad item of a list in a config file', () => {
    const result = fileResult('corsOrigins: ["http://ok.lan", "http://bad.lan/path"]\n');
    if (result.ok !== false) throw new Error(JSON.stringify(result));
    expect(result.error.message).toContain('"corsOrigins" must be a list of web origins');
    expect(result.error.message).toContain('the string "http://bad.lan/path" at index 1');
  });

  describe('apiKeyFile', () => {
    const ENV = 'LOCAL_SWARM_API_KEY_FILE';
    const before = process.env[ENV];

    afterEach(() => {
      if (before === undefined) delete process.env[ENV];
      else process.env[ENV] = before;
    });

    it('is off by default', () => {
      delete process.env[ENV];
      expect(cliValues([])).toEqual({});
    });

    it('reads --api-key-file', () => {
      expect(cliValues(['--api-key-file', '/etc/local-swarm/key'])).toEqual({ apiKeyFile: '/etc/local-swarm/key' });
    });

    it('reads LOCAL_SWARM_API_KEY_FILE when the flag is not given, and the flag wins over it', () => {
      process.env[ENV] = '/run/secrets/key';
      expect(cliValues([])).toEqual({ apiKeyFile: '/run/secrets/key' });
      expect(cliValues(['--api-key-file', '/etc/key'])).toEqual({ apiKeyFile: '/etc/key' });
    });

    it('lets the environment variable win over the config file, and the file key resolve relative to the file', () => {
      delete process.env[ENV];
      const fromFile = resolveNodeConfig(['--config', '/srv/node/c.yaml'], { readFile: () => 'apiKeyFile: secrets/key\n' });
      expect(fromFile.ok === true && fromFile.config.apiKeyFile).toBe('/srv/node/secrets/key');
      process.env[ENV] = '/run/secrets/key';
      const fromEnv = resolveNodeConfig(['--config', '/srv/node/c.yaml'], { readFile: () => 'apiKeyFile: secrets/key\n' });
      expect(fromEnv.ok === true && fromEnv.config.apiKeyFile).toBe('/run/secrets/key');
    });

    it('refuses an empty path', () => {
      expect(cliError(['--api-key-file', ' '])).toBe('error: --api-key-file must be a non-empty string, got " "');
    });

    it('names the variable in --help', () => {
      const help = parseCli(['--help'], '1.2.3');
      expect(help.ok === 'exit' && help.output.replace(/\s+/g, ' ')).toContain('(env: LOCAL_SWARM_API_KEY_FILE)');
    });
  });
});
