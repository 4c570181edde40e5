import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigErrorCode } from './config-error';
import { DEFAULT_INSTANCES, DEFAULT_NODE_CONFIG, type NodeConfig } from './node-config';
import { resolveNodeConfig, type ConfigIo, type ResolveNodeConfigResult } from './resolve-node-config';

function io(files: Readonly<Record<string, string>> = {}): ConfigIo {
  return {
    readFile: (path) => {
      const text = files[path];
      if (text === undefined) throw new Error(`ENOENT: no such file or directory, open '${path}'`);
      return text;
    },
  };
}

function resolve(argv: readonly string[], files: Readonly<Record<string, string>> = {}): ResolveNodeConfigResult {
  return resolveNodeConfig(argv, io(files), { version: '9.9.9' });
}

function configOf(result: ResolveNodeConfigResult): NodeConfig {
  if (result.ok !== true) throw new Error(`expected a config, got ${JSON.stringify(result)}`);
  return result.config;
}

describe('resolveNodeConfig', () => {
  it('uses the defaults when nothing is given', () => {
    const result = resolve([]);
    expect(result).toEqual({
      ok: true,
      config: {
        auto: false,
        model: null,
        instances: null,
        strategy: 'majority',
        host: null,
        port: 17615,
        logLevel: 'info',
        contextSize: 2048,
        threads: null,
        maxQueue: 32,
        maxTokensLimit: 1024,
        configFile: null,
      },
      sources: {
        auto: 'default',
        model: 'default',
        instances: 'default',
        strategy: 'default',
        host: 'default',
        port: 'default',
        logLevel: 'default',
        contextSize: 'default',
        threads: 'default',
        maxQueue: 'default',
        maxTokensLimit: 'default',
      },
    });
    expect(configOf(result)).toEqual(DEFAULT_NODE_CONFIG);
  });

  it('keeps DEFAULT_INSTANCES odd so local majorities cannot tie', () => {
    expect(DEFAULT_INSTANCES % 2).toBe(1);
  });

  it('reads every flag', () => {
    const config = configOf(
      resolve([
        '--auto',
        '--model', 'hf:org/repo/m.gguf',
        '--instances', '7',
        '--strategy', 'first_valid',
        '--host', '100.64.0.9',
        '--port', '0',
        '--log-level', 'warn',
        '--context-size', '8192',
        '--threads', '6',
        '--max-queue', '4',
        '--max-tokens-limit', '4096',
      ]),
    );
    expect(config).toEqual({
      auto: true,
      model: 'hf:org/repo/m.gguf',
      instances: 7,
      strategy: 'first_valid',
      host: '100.64.0.9',
      port: 0,
      logLevel: 'warn',
      contextSize: 8192,
      threads: 6,
      maxQueue: 4,
      maxTokensLimit: 4096,
      configFile: null,
    });
  });

  describe('precedence: flags > file > defaults', () => {
    const yaml = 'instances: 5\nport: 18000\nstrategy: best_of_n\nauto: true\nlogLevel: debug\n';

    it('takes the file over the defaults', () => {
      const result = resolve(['--config', 'swarm.yaml'], { 'swarm.yaml': yaml });
      expect(result).toMatchObject({
        ok: true,
        config: { instances: 5, port: 18000, strategy: 'best_of_n', auto: true, logLevel: 'debug', contextSize: 2048, configFile: 'swarm.yaml' },
        sources: { instances: 'file', port: 'file', strategy: 'file', contextSize: 'default' },
      });
    });

    it('takes flags over the file, whatever their order', () => {
      for (const argv of [
        ['--config', 'swarm.yaml', '--port', '19000', '--no-auto'],
        ['--port', '19000', '--no-auto', '--config', 'swarm.yaml'],
      ]) {
        const result = resolve(argv, { 'swarm.yaml': yaml });
        expect(result).toMatchObject({
          ok: true,
          config: { instances: 5, port: 19000, auto: false, strategy: 'best_of_n' },
          sources: { instances: 'file', port: 'cli', auto: 'cli', strategy: 'file', maxQueue: 'default' },
        });
      }
    });

    it('lets a null in the file fall back like an absent key', () => {
      expect(configOf(resolve(['--config', 'c.json'], { 'c.json': '{"instances": null, "host": null}' }))).toMatchObject({
        instances: null,
        host: null,
      });
    });

    it('reads JSON files the same way', () => {
      const result = resolve(['--config', 'swarm.json', '--instances', '1'], {
        'swarm.json': JSON.stringify({ instances: 9, maxQueue: 0, host: '192.168.5.5', model: 'models/a.gguf' }),
      });
      expect(result).toMatchObject({
        ok: true,
        config: { instances: 1, maxQueue: 0, host: '192.168.5.5', model: 'models/a.gguf', configFile: 'swarm.json' },
        sources: { instances: 'cli', maxQueue: 'file', host: 'file', model: 'file' },
      });
    });
  });

  describe('maxTokensLimit against contextSize', () => {
    it('shrinks the default limit to a small context', () => {
      expect(configOf(resolve(['--context-size', '512']))).toMatchObject({ contextSize: 512, maxTokensLimit: 512 });
    });

    it('allows an explicit limit equal to the context', () => {
      expect(configOf(resolve(['--context-size', '4096', '--max-tokens-limit', '4096']))).toMatchObject({ maxTokensLimit: 4096 });
    });

    it.each([
      [['--max-tokens-limit', '4096'], {}, 'error: --max-tokens-limit (4096) must not exceed the default --context-size (2048)'],
      [['--max-tokens-limit', '1024', '--context-size', '512'], {}, 'error: --max-tokens-limit (1024) must not exceed --context-size (512)'],
      [['--config', 'c.yaml', '--context-size', '300'], { 'c.yaml': 'maxTokensLimit: 400\n' }, 'error: "maxTokensLimit" in c.yaml (400) must not exceed --context-size (300)'],
      [['--config', 'c.yaml'], { 'c.yaml': 'maxTokensLimit: 600\ncontextSize: 512\n' }, 'error: "maxTokensLimit" in c.yaml (600) must not exceed "contextSize" in c.yaml (512)'],
    ] as const)('rejects an explicit limit larger than the context: %j', (argv, files, message) => {
      expect(resolve(argv, files)).toEqual({ ok: false, error: { code: ConfigErrorCode.CONFLICT, message } });
    });
  });

  it('reports an invalid flag before reading the file', () => {
    const readFile = jest.fn(() => 'port: 1\n');
    expect(resolveNodeConfig(['--config', 'c.yaml', '--instances', 'abc'], { readFile }, { version: '0' })).toEqual({
      ok: false,
      error: { code: ConfigErrorCode.INVALID_VALUE, message: 'error: --instances must be an integer between 1 and 32, got "abc"' },
    });
    expect(readFile).not.toHaveBeenCalled();
  });

  it('reports an unreadable config file', () => {
    expect(resolve(['--config', 'nope.yaml'])).toEqual({
      ok: false,
      error: {
        code: ConfigErrorCode.FILE_UNREADABLE,
        message: "error: cannot read config file nope.yaml: ENOENT: no such file or directory, open 'nope.yaml'",
      },
    });
  });

  it('reports an unknown key in the config file', () => {
    expect(resolve(['--config', 'c.yml'], { 'c.yml': 'federation: true\n' })).toMatchObject({
      ok: false,
      error: { code: ConfigErrorCode.UNKNOWN_KEY, message: expect.stringContaining('unknown key "federation"') },
    });
  });

  it('reports a wrong type in the config file even when a flag overrides the key', () => {
    expect(resolve(['--config', 'c.yml', '--port', '1'], { 'c.yml': 'port: high\n' })).toMatchObject({
      ok: false,
      error: { code: ConfigErrorCode.INVALID_VALUE, message: 'error: config file c.yml: "port" must be an integer between 0 and 65535, got the string "high"' },
    });
  });

  it('returns the help text for --help, ignoring the rest', () => {
    const result = resolve(['--port', '1', '--help']);
    expect(result.ok).toBe('exit');
    if (result.ok === 'exit') expect(result.output).toContain('Usage: local-swarm');
  });

  it('returns the version for --version', () => {
    expect(resolve(['--version'])).toEqual({ ok: 'exit', output: '9.9.9\n' });
  });

  it("defaults --version to the app's package.json", () => {
    const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string };
    expect(resolveNodeConfig(['--version'])).toEqual({ ok: 'exit', output: `${manifest.version}\n` });
  });

  it('reads a real file with the default io', () => {
    const path = join(__dirname, '..', '..', 'package.json');
    // package.json is valid JSON but not a config: proves the real file was read and checked.
    expect(resolveNodeConfig(['--config', path], undefined, { version: '0' })).toMatchObject({
      ok: false,
      error: { code: ConfigErrorCode.UNKNOWN_KEY, message: expect.stringContaining('unknown key "name"') },
    });
  });
});
