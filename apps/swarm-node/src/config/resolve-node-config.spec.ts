import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigErrorCode } from './config-error';
import { STRATEGY_NAMES as CONSENSUS_STRATEGY_NAMES } from '@local-swarm/consensus';
import { DEFAULT_INSTANCES, DEFAULT_NODE_CONFIG, STRATEGY_NAMES, type NodeConfig } from './index';
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
        weights: 'configured',
        semanticGrouping: null,
        host: null,
        port: 17615,
        logLevel: 'info',
        contextSize: 2048,
        threads: null,
        maxQueue: 32,
        maxTokensLimit: 1024,
        nodeId: null,
        apiKeyFile: null,
        allowedHosts: [],
        corsOrigins: [],
        embeddingModel: null,
        bodyLimit: 1048576,
        requestTimeoutMs: 60000,
        maxConnections: 256,
        federation: {
          enabled: false,
          peers: [],
          configDir: null,
          keyFile: null,
          join: null,
          replaceKey: false,
          open: false,
          discovery: true,
          allowLoopbackPeers: false,
          mode: 'vote',
          strategy: null,
          voteTimeoutMs: 30000,
          healthIntervalMs: 2000,
          unhealthyAfterFailures: 2,
          peerTtlMs: 60000,
          openaiPeerKeyFiles: {},
          weights: { peers: {}, models: {} },
          judgePeer: null,
        },
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
        nodeId: 'default',
        apiKeyFile: 'default',
        allowedHosts: 'default',
        corsOrigins: 'default',
        embeddingModel: 'default',
        bodyLimit: 'default',
        requestTimeoutMs: 'default',
        maxConnections: 'default',
        'federation.enabled': 'default',
        'federation.peers': 'default',
        'federation.configDir': 'default',
        'federation.keyFile': 'default',
        'federation.join': 'default',
        'federation.replaceKey': 'default',
        'federation.open': 'default',
        'federation.discovery': 'default',
        'federation.allowLoopbackPeers': 'default',
        'federation.mode': 'default',
        'federation.strategy': 'default',
        'federation.voteTimeoutMs': 'default',
        'federation.healthIntervalMs': 'default',
        'federation.unhealthyAfterFailures': 'default',
        'federation.peerTtlMs': 'default',
        'federation.openaiPeerKeyFiles': 'default',
        'federation.weights.peers': 'default',
        'federation.weights.models': 'default',
        'federation.judgePeer': 'default',
        semanticGrouping: 'default',
        weights: 'default',
      },
    });
    expect(configOf(result)).toEqual(DEFAULT_NODE_CONFIG);
  });

  it('freezes the defaults, nested ones included', () => {
    expect(Object.isFrozen(DEFAULT_NODE_CONFIG)).toBe(true);
    expect(Object.isFrozen(DEFAULT_NODE_CONFIG.federation)).toBe(true);
    expect(Object.isFrozen(DEFAULT_NODE_CONFIG.federation.peers)).toBe(true);
    expect(Object.isFrozen(DEFAULT_NODE_CONFIG.federation.weights.peers)).toBe(true);
    expect(Object.isFrozen(DEFAULT_NODE_CONFIG.federation.weights.models)).toBe(true);
  });

  it('re-exports the consensus lib\'s strategy names', () => {
    expect(STRATEGY_NAMES).toBe(CONSENSUS_STRATEGY_NAMES);
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
        '--weights', 'auto',
        '--host', '100.64.0.9',
        '--port', '0',
        '--log-level', 'warn',
        '--context-size', '8192',
        '--threads', '6',
        '--embedding-model', '/models/embed.gguf',
        '--max-queue', '4',
        '--max-tokens-limit', '4096',
        '--node-id', 'node-7',
        '--allowed-host', 'Swarm.LAN',
        '--allowed-host', '203.0.113.7',
        '--cors-origin', 'HTTP://Tools.LAN:80',
        '--body-limit', '2048',
        '--request-timeout-ms', '1500',
        '--max-connections', '8',
        '--federation',
        '--peer', '192.168.1.20:17615',
        '--peer', 'openai+http://10.0.0.5:8080/v1',
        '--no-discovery',
        '--allow-loopback-peers',
        '--mode', 'balance',
        '--vote-timeout-ms', '1500',
      ]),
    );
    expect(config).toEqual({
      auto: true,
      model: 'hf:org/repo/m.gguf',
      instances: 7,
      strategy: 'first_valid',
      weights: 'auto',
      semanticGrouping: null,
      host: '100.64.0.9',
      port: 0,
      logLevel: 'warn',
      contextSize: 8192,
      threads: 6,
      maxQueue: 4,
      maxTokensLimit: 4096,
      nodeId: 'node-7',
      apiKeyFile: null,
      allowedHosts: ['swarm.lan', '203.0.113.7'],
      corsOrigins: ['http://tools.lan'],
      embeddingModel: '/models/embed.gguf',
      bodyLimit: 2048,
      requestTimeoutMs: 1500,
      maxConnections: 8,
      federation: {
        enabled: true,
        peers: ['192.168.1.20:17615', 'openai+http://10.0.0.5:8080/v1'],
        configDir: null,
        keyFile: null,
        join: null,
        replaceKey: false,
        open: false,
        discovery: false,
        allowLoopbackPeers: true,
        mode: 'balance',
        strategy: null,
        voteTimeoutMs: 1500,
        healthIntervalMs: 2000,
        unhealthyAfterFailures: 2,
        peerTtlMs: 60000,
        openaiPeerKeyFiles: {},
        weights: { peers: {}, models: {} },
        judgePeer: null,
      },
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

  describe('federation', () => {
    const yaml = [
      'strategy: majority',
      'nodeId: from-file',
      'federation:',
      '  enabled: true',
      '  peers: [10.0.0.2:17615, 10.0.0.3:17615]',
      '  mode: balance',
      '  strategy: weighted_vote',
      '  voteTimeoutMs: 9000',
      '  healthIntervalMs: 1000',
      '  unhealthyAfterFailures: 5',
      '  peerTtlMs: 30000',
      '  weights:',
      '    peers: {node-b: 2}',
      '    models: {qwen: 0.5}',
      '',
    ].join('\n');

    it('reads the federation block of a YAML file, reporting nested sources by path', () => {
      const result = resolve(['--config', 'swarm.yaml'], { 'swarm.yaml': yaml });
      expect(result).toMatchObject({
        ok: true,
        config: {
          strategy: 'majority',
          nodeId: 'from-file',
          federation: {
            enabled: true,
            peers: ['10.0.0.2:17615', '10.0.0.3:17615'],
            discovery: true,
            mode: 'balance',
            strategy: 'weighted_vote',
            voteTimeoutMs: 9000,
            healthIntervalMs: 1000,
            unhealthyAfterFailures: 5,
            peerTtlMs: 30000,
            weights: { peers: { 'node-b': 2 }, models: { qwen: 0.5 } },
          },
        },
        sources: {
          nodeId: 'file',
          'federation.enabled': 'file',
          'federation.peers': 'file',
          'federation.discovery': 'default',
          'federation.mode': 'file',
          'federation.strategy': 'file',
          'federation.weights.peers': 'file',
          'federation.weights.models': 'file',
        },
      });
    });

    it('takes flags over the federation block; --peer replaces the list', () => {
      const result = resolve(
        ['--config', 'swarm.yaml', '--peer', '10.0.0.9:1', '--mode', 'vote', '--vote-timeout-ms', '100', '--no-discovery', '--node-id', 'cli-id'],
        { 'swarm.yaml': yaml },
      );
      expect(result).toMatchObject({
        ok: true,
        config: {
          nodeId: 'cli-id',
          federation: { enabled: true, peers: ['10.0.0.9:1'], discovery: false, mode: 'vote', voteTimeoutMs: 100, peerTtlMs: 30000 },
        },
        sources: {
          nodeId: 'cli',
          'federation.enabled': 'file',
          'federation.peers': 'cli',
          'federation.discovery': 'cli',
          'federation.mode': 'cli',
          'federation.voteTimeoutMs': 'cli',
          'federation.peerTtlMs': 'file',
        },
      });
    });

    it('keeps the file\'s peers when no --peer is given', () => {
      expect(configOf(resolve(['--config', 's.yaml', '--mode', 'vote'], { 's.yaml': yaml })).federation.peers).toEqual([
        '10.0.0.2:17615',
        '10.0.0.3:17615',
      ]);
    });

    it('turns a file-enabled federation off with --no-federation', () => {
      const result = resolve(['--config', 's.yaml', '--no-federation'], { 's.yaml': yaml });
      expect(result).toMatchObject({ ok: true, config: { federation: { enabled: false, mode: 'balance' } }, sources: { 'federation.enabled': 'cli' } });
    });

    it('turns federation on from the command line over a file that disables it', () => {
      const result = resolve(['--enable-federation', '--config', 'c.json', '--peer', 'a:1'], {
        'c.json': JSON.stringify({ federation: { enabled: false, peers: ['b:2'] } }),
      });
      expect(result).toMatchObject({ ok: true, config: { federation: { enabled: true, peers: ['a:1'] } } });
    });

    it('accepts federation flags when only the file enables federation', () => {
      const result = resolve(['--config', 'c.json', '--peer', 'a:1', '--mode', 'balance'], {
        'c.json': '{"federation": {"enabled": true}}',
      });
      expect(result).toMatchObject({ ok: true, config: { federation: { enabled: true, peers: ['a:1'], mode: 'balance' } } });
    });

    it('keeps a federation block while federation is off (settings for later)', () => {
      const result = resolve(['--config', 'c.yaml'], { 'c.yaml': 'federation:\n  peers: [a:1]\n  mode: balance\n' });
      expect(result).toMatchObject({ ok: true, config: { federation: { enabled: false, peers: ['a:1'], mode: 'balance' } } });
    });

    it('loads the federation block shown in --help to the defaults', () => {
      const help = resolve(['--help']);
      if (help.ok !== 'exit') throw new Error('expected help');
      const lines = help.output.split('\n');
      const start = lines.indexOf('  federation:');
      const end = lines.findIndex((line, index) => index > start && !line.startsWith('   '));
      expect(start).toBeGreaterThan(0);
      const block = lines.slice(start, end).join('\n');
      expect(configOf(resolve(['--config', 'help.yaml'], { 'help.yaml': block })).federation).toEqual(DEFAULT_NODE_CONFIG.federation);
    });

    it.each([
      [['--peer', 'a:1'], {}, 'error: --peer requires --federation'],
      [['--mode', 'balance'], {}, 'error: --mode requires --federation'],
      [['--vote-timeout-ms', '500'], {}, 'error: --vote-timeout-ms requires --federation'],
      [['--no-discovery'], {}, 'error: --no-discovery requires --federation'],
      [['--allow-loopback-peers'], {}, 'error: --allow-loopback-peers requires --federation'],
      [['--federation', '--no-federation', '--peer', 'a:1'], {}, 'error: --peer requires --federation'],
      [['--config', 'c.yaml', '--mode', 'vote'], { 'c.yaml': 'federation:\n  mode: balance\n' }, 'error: --mode requires --federation'],
      [['--config', 'c.yaml', '--mode', 'vote'], { 'c.yaml': 'federation:\n  enabled: false\n' }, 'error: --mode requires --federation'],
      [['--config', 'c.yaml', '--no-federation', '--peer', 'a:1'], { 'c.yaml': 'federation:\n  enabled: true\n' }, 'error: --peer requires --federation'],
    ] as const)('rejects federation flags while federation is off: %j', (argv, files, message) => {
      const result = resolve(argv, files);
      expect(result).toEqual({ ok: false, error: { code: ConfigErrorCode.CONFLICT, message } });
    });

    it('does not require --federation for --node-id', () => {
      expect(configOf(resolve(['--node-id', 'solo'])).nodeId).toBe('solo');
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
    expect(resolve(['--config', 'c.yml'], { 'c.yml': 'federate: true\n' })).toMatchObject({
      ok: false,
      error: { code: ConfigErrorCode.UNKNOWN_KEY, message: expect.stringContaining('unknown key "federate"') },
    });
  });

  it('reports an unknown nested key in the config file by its full path', () => {
    expect(resolve(['--config', 'c.yml', '--federation'], { 'c.yml': 'federation:\n  peer: a:1\n' })).toEqual({
      ok: false,
      error: {
        code: ConfigErrorCode.UNKNOWN_KEY,
        message: 'error: config file c.yml: unknown key "federation.peer" (did you mean "federation.peers"?)',
      },
    });
  });

  it('reports an invalid federation flag before reading the file', () => {
    const readFile = jest.fn(() => 'federation: {enabled: true}\n');
    expect(resolveNodeConfig(['--config', 'c.yaml', '--mode', 'both'], { readFile }, { version: '0' })).toEqual({
      ok: false,
      error: { code: ConfigErrorCode.INVALID_VALUE, message: 'error: --mode must be one of vote, balance, got "both"' },
    });
    expect(readFile).not.toHaveBeenCalled();
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
