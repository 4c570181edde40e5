import { ConfigErrorCode } from './config-error';
import { parseCli, type CliValues, type ParseCliResult } from './parse-cli';

function cliOf(result: ParseCliResult): CliValues {
  if (result.ok !== true) throw new Error(`expected values, got ${JSON.stringify(result)}`);
  return result.cli;
}

function errorOf(result: ParseCliResult): { code: string; message: string } {
  if (result.ok !== false) throw new Error(`expected an error, got ${JSON.stringify(result)}`);
  return result.error;
}

describe('parseCli', () => {
  it('sets nothing when no flags are given', () => {
    expect(cliOf(parseCli([], '1.2.3'))).toEqual({ values: {}, configFile: null });
  });

  it.each([
    [['--auto'], { auto: true }],
    [['--no-auto'], { auto: false }],
    [['--auto', '--no-auto'], { auto: false }],
    [['--model', './models/tiny.gguf'], { model: './models/tiny.gguf' }],
    [['--model', 'hf:bartowski/SmolLM2-135M-Instruct-GGUF/SmolLM2-135M-Instruct-Q4_K_M.gguf'], { model: 'hf:bartowski/SmolLM2-135M-Instruct-GGUF/SmolLM2-135M-Instruct-Q4_K_M.gguf' }],
    [['--instances', '1'], { instances: 1 }],
    [['--instances', '5'], { instances: 5 }],
    [['--instances=32'], { instances: 32 }],
    [['--strategy', 'majority'], { strategy: 'majority' }],
    [['--strategy', 'weighted_vote'], { strategy: 'weighted_vote' }],
    [['--strategy', 'best_of_n'], { strategy: 'best_of_n' }],
    [['--strategy', 'first_valid'], { strategy: 'first_valid' }],
    [['--host', '192.168.1.20'], { host: '192.168.1.20' }],
    [['--host', '0.0.0.0'], { host: '0.0.0.0' }],
    [['--host', 'fe80::1%eth0'], { host: 'fe80::1%eth0' }],
    [['--host', '::1'], { host: '::1' }],
    [['--port', '0'], { port: 0 }],
    [['--port', '1'], { port: 1 }],
    [['--port', '17615'], { port: 17615 }],
    [['--port', '65535'], { port: 65535 }],
    [['--log-level', 'error'], { logLevel: 'error' }],
    [['--log-level', 'warn'], { logLevel: 'warn' }],
    [['--log-level', 'info'], { logLevel: 'info' }],
    [['--log-level', 'debug'], { logLevel: 'debug' }],
    [['--context-size', '256'], { contextSize: 256 }],
    [['--context-size', '131072'], { contextSize: 131072 }],
    [['--threads', '4'], { threads: 4 }],
    [['--max-queue', '0'], { maxQueue: 0 }],
    [['--max-queue', '100'], { maxQueue: 100 }],
    [['--max-tokens-limit', '512'], { maxTokensLimit: 512 }],
    [['--port', '1', '--port', '2'], { port: 2 }],
    [['--node-id', 'node-a'], { nodeId: 'node-a' }],
    [['--node-id', 'A.b_c-9'], { nodeId: 'A.b_c-9' }],
    [['--node-id', 'x'.repeat(64)], { nodeId: 'x'.repeat(64) }],
    [['--federation'], { 'federation.enabled': true }],
    [['--enable-federation'], { 'federation.enabled': true }],
    [['--no-federation'], { 'federation.enabled': false }],
    [['--federation', '--no-federation'], { 'federation.enabled': false }],
    [['--no-federation', '--enable-federation'], { 'federation.enabled': true }],
    [['--enable-federation', '--no-federation'], { 'federation.enabled': false }],
    [['--peer', '192.168.1.20:17615'], { 'federation.peers': ['192.168.1.20:17615'] }],
    [['--peer', 'a:1', '--peer', 'openai+http://10.0.0.5:8080/v1', '--peer=b:2'], { 'federation.peers': ['a:1', 'openai+http://10.0.0.5:8080/v1', 'b:2'] }],
    [['--peer', 'a:1', '--peer', 'a:1'], { 'federation.peers': ['a:1', 'a:1'] }],
    [['--no-discovery'], { 'federation.discovery': false }],
    [['--allow-loopback-peers'], { 'federation.allowLoopbackPeers': true }],
    [['--mode', 'vote'], { 'federation.mode': 'vote' }],
    [['--mode', 'balance'], { 'federation.mode': 'balance' }],
    [['--vote-timeout-ms', '100'], { 'federation.voteTimeoutMs': 100 }],
    [['--vote-timeout-ms', '600000'], { 'federation.voteTimeoutMs': 600000 }],
  ] as const)('%j', (argv, values) => {
    expect(cliOf(parseCli(argv, '1.2.3'))).toEqual({ values, configFile: null });
  });

  it('takes --config', () => {
    expect(cliOf(parseCli(['--config', 'swarm.yaml', '--port', '9000'], '1.2.3'))).toEqual({
      values: { port: 9000 },
      configFile: 'swarm.yaml',
    });
  });

  it.each([
    [['--instances', 'abc'], 'error: --instances must be an integer between 1 and 32, got "abc"'],
    [['--instances', '0'], 'error: --instances must be an integer between 1 and 32, got "0"'],
    [['--instances', '33'], 'error: --instances must be an integer between 1 and 32, got "33"'],
    [['--instances', '-1'], 'error: --instances must be an integer between 1 and 32, got "-1"'],
    [['--instances', '2.5'], 'error: --instances must be an integer between 1 and 32, got "2.5"'],
    [['--instances', '1e1'], 'error: --instances must be an integer between 1 and 32, got "1e1"'],
    [['--instances', '0x4'], 'error: --instances must be an integer between 1 and 32, got "0x4"'],
    [['--instances', ''], 'error: --instances must be an integer between 1 and 32, got ""'],
    [['--instances', ' 3'], 'error: --instances must be an integer between 1 and 32, got " 3"'],
    [['--strategy', 'vote'], 'error: --strategy must be one of majority, weighted_vote, best_of_n, first_valid, judge, judge_merge, got "vote"'],
    [['--strategy', 'MAJORITY'], 'error: --strategy must be one of majority, weighted_vote, best_of_n, first_valid, judge, judge_merge, got "MAJORITY"'],
    [['--host', 'localhost'], 'error: --host must be an IP address, got "localhost"'],
    [['--host', '192.168.1'], 'error: --host must be an IP address, got "192.168.1"'],
    [['--host', ''], 'error: --host must be an IP address, got ""'],
    [['--port', '65536'], 'error: --port must be an integer between 0 and 65535, got "65536"'],
    [['--port', '-1'], 'error: --port must be an integer between 0 and 65535, got "-1"'],
    [['--port', 'http'], 'error: --port must be an integer between 0 and 65535, got "http"'],
    [['--log-level', 'verbose'], 'error: --log-level must be one of error, warn, info, debug, got "verbose"'],
    [['--context-size', '255'], 'error: --context-size must be an integer between 256 and 131072, got "255"'],
    [['--context-size', '131073'], 'error: --context-size must be an integer between 256 and 131072, got "131073"'],
    [['--context-size', '4k'], 'error: --context-size must be an integer between 256 and 131072, got "4k"'],
    [['--threads', '0'], 'error: --threads must be an integer between 1 and 1024, got "0"'],
    [['--threads', 'all'], 'error: --threads must be an integer between 1 and 1024, got "all"'],
    [['--max-queue', '-5'], 'error: --max-queue must be an integer between 0 and 10000, got "-5"'],
    [['--max-queue', '10001'], 'error: --max-queue must be an integer between 0 and 10000, got "10001"'],
    [['--max-tokens-limit', '0'], 'error: --max-tokens-limit must be an integer between 1 and 131072, got "0"'],
    [['--max-tokens-limit', 'many'], 'error: --max-tokens-limit must be an integer between 1 and 131072, got "many"'],
    [['--model', ''], 'error: --model must be a non-empty string, got ""'],
    [['--model', '   '], 'error: --model must be a non-empty string, got "   "'],
    [['--config', ''], 'error: --config must be a file path, got ""'],
    [['--node-id', ''], 'error: --node-id must be 1 to 64 letters, digits, ".", "_" or "-", got ""'],
    [['--node-id', 'node a'], 'error: --node-id must be 1 to 64 letters, digits, ".", "_" or "-", got "node a"'],
    [['--node-id', 'nöde'], 'error: --node-id must be 1 to 64 letters, digits, ".", "_" or "-", got "nöde"'],
    [['--node-id', 'a/b'], 'error: --node-id must be 1 to 64 letters, digits, ".", "_" or "-", got "a/b"'],
    [['--node-id', 'x'.repeat(65)], `error: --node-id must be 1 to 64 letters, digits, ".", "_" or "-", got "${'x'.repeat(65)}"`],
    [['--peer', ''], 'error: --peer must be a peer address (host:port or openai+http(s)://host:port/v1, no whitespace), got ""'],
    [['--peer', 'a:1', '--peer', 'b :2'], 'error: --peer must be a peer address (host:port or openai+http(s)://host:port/v1, no whitespace), got "b :2"'],
    [['--peer', ' a:1'], 'error: --peer must be a peer address (host:port or openai+http(s)://host:port/v1, no whitespace), got " a:1"'],
    [['--mode', 'fast'], 'error: --mode must be one of vote, balance, got "fast"'],
    [['--mode', 'VOTE'], 'error: --mode must be one of vote, balance, got "VOTE"'],
    [['--vote-timeout-ms', '99'], 'error: --vote-timeout-ms must be an integer between 100 and 600000, got "99"'],
    [['--vote-timeout-ms', '600001'], 'error: --vote-timeout-ms must be an integer between 100 and 600000, got "600001"'],
    [['--vote-timeout-ms', '30s'], 'error: --vote-timeout-ms must be an integer between 100 and 600000, got "30s"'],
  ] as const)('rejects %j', (argv, message) => {
    expect(errorOf(parseCli(argv, '1.2.3'))).toEqual({ code: ConfigErrorCode.INVALID_VALUE, message });
  });

  it.each([
    [['--federate'], "error: unknown option '--federate' (Did you mean --federation?)"],
    [['--peers', 'a:1'], "error: unknown option '--peers' (Did you mean --peer?)"],
    [['--discovery'], "error: unknown option '--discovery' (Did you mean --no-discovery?)"],
    [['--peer'], "error: option '--peer <host:port|openai+http(s)://host:port/v1>' argument missing"],
    [['--federation', 'yes'], 'error: too many arguments. Expected 0 arguments but got 1.'],
    [['--prot', '3'], "error: unknown option '--prot' (Did you mean --port?)"],
    [['--instances'], "error: option '--instances <N>' argument missing"],
    [['--port'], "error: option '--port <n>' argument missing"],
    [['serve'], 'error: too many arguments. Expected 0 arguments but got 1.'],
  ] as const)('reports commander errors on one line: %j', (argv, message) => {
    const error = errorOf(parseCli(argv, '1.2.3'));
    expect(error).toEqual({ code: ConfigErrorCode.BAD_COMMAND_LINE, message });
    expect(error.message).not.toContain('\n');
  });

  it.each([['--help'], ['-h']])('%s returns the help text instead of exiting', (flag) => {
    const result = parseCli([flag], '1.2.3');
    expect(result.ok).toBe('exit');
    if (result.ok !== 'exit') return;
    expect(result.output).toMatch(/^Usage: local-swarm \[options\]/);
    for (const flagName of ['--auto', '--model', '--instances', '--strategy', '--host', '--port', '--config', '--log-level', '--context-size', '--threads', '--max-queue', '--max-tokens-limit', '--version', '--help', '--node-id', '--federation', '--no-federation', '--enable-federation', '--peer', '--no-discovery', '--mode', '--vote-timeout-ms', '--allowed-host', '--cors-origin', '--body-limit', '--request-timeout-ms', '--max-connections']) {
      expect(result.output).toContain(flagName);
    }
    expect(result.output).toContain('default: 17615');
  });

  it('documents the federation: block of the config file in --help, every key with its default', () => {
    const result = parseCli(['--help'], '1.2.3');
    if (result.ok !== 'exit') throw new Error('expected help');
    expect(result.output).toContain('maxTokensLimit, nodeId, apiKeyFile, allowedHosts, corsOrigins, bodyLimit, requestTimeoutMs, maxConnections),\nplus a federation: block');
    expect(result.output).toContain('  federation:\n');
    for (const line of [
      'enabled: false', 'peers: []', 'discovery: true', 'allowLoopbackPeers: false', 'mode: vote', 'strategy: null', 'voteTimeoutMs: 30000',
      'healthIntervalMs: 2000', 'unhealthyAfterFailures: 2', 'peerTtlMs: 60000', 'weights:', 'peers: {}', 'models: {}',
    ]) {
      expect(result.output).toContain(`    ${line} `);
    }
    expect(result.output).toContain('--federation --peer 192.168.1.20:17615');
  });

  it.each([['--version'], ['-V']])('%s returns the version instead of exiting', (flag) => {
    expect(parseCli([flag], '1.2.3')).toEqual({ ok: 'exit', output: '1.2.3\n' });
  });

  it('does not write to stdout or stderr', () => {
    const out = jest.spyOn(process.stdout, 'write');
    const err = jest.spyOn(process.stderr, 'write');
    parseCli(['--help'], '1.2.3');
    parseCli(['--version'], '1.2.3');
    parseCli(['--nope'], '1.2.3');
    expect(out).not.toHaveBeenCalled();
    expect(err).not.toHaveBeenCalled();
    out.mockRestore();
    err.mockRestore();
  });
});
