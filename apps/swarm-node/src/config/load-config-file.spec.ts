import { ConfigErrorCode } from './config-error';
import { loadConfigFile, type LoadConfigFileResult } from './load-config-file';

function reader(files: Readonly<Record<string, string>>): (path: string) => string {
  return (path) => {
    const text = files[path];
    if (text === undefined) throw new Error(`ENOENT: no such file or directory, open '${path}'`);
    return text;
  };
}

function load(path: string, text: string): LoadConfigFileResult {
  return loadConfigFile(path, reader({ [path]: text }));
}

const FULL_YAML = `
# every key
auto: true
model: hf:org/repo/model.gguf
instances: 5
strategy: weighted_vote
host: 10.0.0.7
port: 18000
logLevel: debug
contextSize: 4096
threads: 8
maxQueue: 10
maxTokensLimit: 2048
nodeId: lab-node.01
federation:
  enabled: true
  peers:
    - 192.168.1.20:17615
    - openai+http://10.0.0.5:8080/v1
  discovery: false
  mode: balance
  strategy: best_of_n
  voteTimeoutMs: 5000
  healthIntervalMs: 500
  unhealthyAfterFailures: 3
  peerTtlMs: 120000
  weights:
    peers: { node-b: 2, node-c: 0.5 }
    models:
      qwen2.5-7b: 1.5
`;

const FULL_VALUES = {
  auto: true,
  model: 'hf:org/repo/model.gguf',
  instances: 5,
  strategy: 'weighted_vote',
  host: '10.0.0.7',
  port: 18000,
  logLevel: 'debug',
  contextSize: 4096,
  threads: 8,
  maxQueue: 10,
  maxTokensLimit: 2048,
  nodeId: 'lab-node.01',
  'federation.enabled': true,
  'federation.peers': ['192.168.1.20:17615', 'openai+http://10.0.0.5:8080/v1'],
  'federation.discovery': false,
  'federation.mode': 'balance',
  'federation.strategy': 'best_of_n',
  'federation.voteTimeoutMs': 5000,
  'federation.healthIntervalMs': 500,
  'federation.unhealthyAfterFailures': 3,
  'federation.peerTtlMs': 120000,
  'federation.weights.peers': { 'node-b': 2, 'node-c': 0.5 },
  'federation.weights.models': { 'qwen2.5-7b': 1.5 },
};

/** FULL_VALUES as a JSON file writes them: the federation settings nested. */
const FULL_JSON = {
  auto: true,
  model: 'hf:org/repo/model.gguf',
  instances: 5,
  strategy: 'weighted_vote',
  host: '10.0.0.7',
  port: 18000,
  logLevel: 'debug',
  contextSize: 4096,
  threads: 8,
  maxQueue: 10,
  maxTokensLimit: 2048,
  nodeId: 'lab-node.01',
  federation: {
    enabled: true,
    peers: ['192.168.1.20:17615', 'openai+http://10.0.0.5:8080/v1'],
    discovery: false,
    mode: 'balance',
    strategy: 'best_of_n',
    voteTimeoutMs: 5000,
    healthIntervalMs: 500,
    unhealthyAfterFailures: 3,
    peerTtlMs: 120000,
    weights: { peers: { 'node-b': 2, 'node-c': 0.5 }, models: { 'qwen2.5-7b': 1.5 } },
  },
};

const TOP_KEYS =
  'auto, model, embeddingModel, instances, strategy, weights, semanticGrouping, host, port, logLevel, contextSize, threads, maxQueue, maxTokensLimit, nodeId, apiKeyFile, allowedHosts, corsOrigins, bodyLimit, requestTimeoutMs, maxConnections, federation';
const FEDERATION_KEYS = 'enabled, peers, configDir, keyFile, join, replaceKey, open, discovery, allowLoopbackPeers, mode, strategy, voteTimeoutMs, healthIntervalMs, unhealthyAfterFailures, peerTtlMs, openaiPeerKeyFiles, weights, judgePeer';

describe('loadConfigFile', () => {
  it.each(['swarm.yaml', 'swarm.yml', 'SWARM.YAML'])('reads every key from YAML (%s)', (path) => {
    expect(load(path, FULL_YAML)).toEqual({ ok: true, values: FULL_VALUES });
  });

  it('reads every key from JSON', () => {
    expect(load('swarm.json', JSON.stringify(FULL_JSON))).toEqual({ ok: true, values: FULL_VALUES });
  });

  it('reads a partial federation block, setting only what it holds', () => {
    expect(load('c.yaml', 'federation:\n  enabled: true\n  peers: []\n  weights:\n    models: {}\n')).toEqual({
      ok: true,
      values: { 'federation.enabled': true, 'federation.peers': [], 'federation.weights.models': {} },
    });
  });

  it.each([
    ['federation:\n', {}],
    ['federation: null\n', {}],
    ['federation:\n  weights:\n', {}],
    ['federation:\n  weights: ~\n  mode: vote\n', { 'federation.mode': 'vote' }],
    ['federation:\n  strategy: null\n', { 'federation.strategy': null }],
    ['nodeId: null\n', { nodeId: null }],
  ])('treats an empty block or a null like an absent key: %j', (text, values) => {
    expect(load('c.yaml', text)).toEqual({ ok: true, values });
  });

  it('keeps ids of weights as they are, even "__proto__"', () => {
    const result = load('c.json', '{"federation": {"weights": {"peers": {"__proto__": 3, "constructor": 2}}}}');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const peers = result.values['federation.weights.peers'] ?? {};
    expect(Object.getPrototypeOf(peers)).toBe(Object.prototype);
    expect(Object.entries(peers)).toEqual([['__proto__', 3], ['constructor', 2]]);
  });

  it('freezes lists and maps it returns', () => {
    const result = load('c.yaml', 'federation:\n  peers: [a:1]\n  weights: {peers: {n: 1}}\n');
    if (!result.ok) throw new Error('expected values');
    expect(Object.isFrozen(result.values['federation.peers'])).toBe(true);
    expect(Object.isFrozen(result.values['federation.weights.peers'])).toBe(true);
  });

  it.each([
    ['empty.yaml', ''],
    ['comments.yaml', '# nothing set\n'],
    ['empty.json', '{}'],
  ])('sets nothing for %s', (path, text) => {
    expect(load(path, text)).toEqual({ ok: true, values: {} });
  });

  it('accepts null for settings decided at startup', () => {
    expect(load('c.yaml', 'model: null\ninstances: ~\nhost:\nthreads: null\n')).toEqual({
      ok: true,
      values: { model: null, instances: null, host: null, threads: null },
    });
  });

  it.each([
    ['models/tiny.gguf', 'conf/models/tiny.gguf'],
    ['../models/tiny.gguf', 'models/tiny.gguf'],
    ['/opt/models/tiny.gguf', '/opt/models/tiny.gguf'],
    ['hf:org/repo/tiny.gguf', 'hf:org/repo/tiny.gguf'],
    ['https://example.com/tiny.gguf', 'https://example.com/tiny.gguf'],
  ])('takes model %s relative to the config file', (model, expected) => {
    expect(load('conf/swarm.yaml', `model: ${model}\n`)).toEqual({ ok: true, values: { model: expected } });
  });

  it.each([
    ['c.yaml', 'federations: {}\n', 'error: config file c.yaml: unknown key "federations" (did you mean "federation"?)'],
    ['c.yaml', 'log-level: debug\n', 'error: config file c.yaml: unknown key "log-level" (did you mean "logLevel"?)'],
    ['c.json', '{"max_tokens_limit": 5}', 'error: config file c.json: unknown key "max_tokens_limit" (did you mean "maxTokensLimit"?)'],
    ['c.yaml', 'node_id: a\n', 'error: config file c.yaml: unknown key "node_id" (did you mean "nodeId"?)'],
    ['c.yaml', 'config: other.yaml\n', `error: config file c.yaml: unknown key "config" (known keys: ${TOP_KEYS})`],
    ['c.yaml', 'federation:\n  peer: [a:1]\n', 'error: config file c.yaml: unknown key "federation.peer" (did you mean "federation.peers"?)'],
    ['c.yaml', 'federation:\n  vote_timeout_ms: 100\n', 'error: config file c.yaml: unknown key "federation.vote_timeout_ms" (did you mean "federation.voteTimeoutMs"?)'],
    ['c.yaml', 'federation:\n  color: blue\n', `error: config file c.yaml: unknown key "federation.color" (known keys in federation: ${FEDERATION_KEYS})`],
    ['c.yaml', 'federation:\n  port: 1\n', 'error: config file c.yaml: unknown key "federation.port" (did you mean "port"?)'],
    ['c.json', '{"federation": {"enabled": true, "weights": {"peers": {}, "nodes": {}}}}', 'error: config file c.json: unknown key "federation.weights.nodes" (known keys in federation.weights: peers, models)'],
    ['c.json', '{"federation": {"weights": {"model": {}}}}', 'error: config file c.json: unknown key "federation.weights.model" (did you mean "federation.weights.models"?)'],
    ['c.yaml', 'peers: [a:1]\n', 'error: config file c.yaml: unknown key "peers" (did you mean "federation.peers"?)'],
    ['c.yaml', 'voteTimeoutMs: 100\n', 'error: config file c.yaml: unknown key "voteTimeoutMs" (did you mean "federation.voteTimeoutMs"?)'],
    ['c.json', '{"federation.mode": "vote"}', 'error: config file c.json: unknown key "federation.mode" (write it nested: federation: {mode: …})'],
    ['c.json', '{"federation": {"weights.peers": {}}}', 'error: config file c.json: unknown key "federation.weights.peers" (write it nested: federation: {weights: {peers: …}})'],
    ['c.json', '{"log.level": "debug"}', `error: config file c.json: unknown key "log.level" (known keys: ${TOP_KEYS})`],
    ['c.json', '{"federation.weights": {}}', 'error: config file c.json: unknown key "federation.weights" (write it nested: federation: {weights: …})'],
  ])('rejects unknown keys, naming them: %s %j', (path, text, message) => {
    expect(load(path, text)).toEqual({ ok: false, error: { code: ConfigErrorCode.UNKNOWN_KEY, message } });
  });

  it.each([
    ['instances: "4"', '"instances" must be an integer between 1 and 32, got the string "4"'],
    ['instances: 3.5', '"instances" must be an integer between 1 and 32, got the number 3.5'],
    ['instances: 0', '"instances" must be an integer between 1 and 32, got the number 0'],
    ['instances: 33', '"instances" must be an integer between 1 and 32, got the number 33'],
    ['auto: yes', '"auto" must be true or false, got the string "yes"'],
    ['auto: 1', '"auto" must be true or false, got the number 1'],
    ['auto: null', '"auto" must be true or false, got null'],
    ['strategy: fastest', '"strategy" must be one of majority, weighted_vote, best_of_n, first_valid, judge, judge_merge, got the string "fastest"'],
    ['strategy: [majority]', '"strategy" must be one of majority, weighted_vote, best_of_n, first_valid, judge, judge_merge, got a list'],
    ['host: my-laptop.local', '"host" must be an IP address, got the string "my-laptop.local"'],
    ['host: 10', '"host" must be an IP address, got the number 10'],
    ['port: "17615"', '"port" must be an integer between 0 and 65535, got the string "17615"'],
    ['port: 70000', '"port" must be an integer between 0 and 65535, got the number 70000'],
    ['port: -1', '"port" must be an integer between 0 and 65535, got the number -1'],
    ['logLevel: trace', '"logLevel" must be one of error, warn, info, debug, got the string "trace"'],
    ['contextSize: 100', '"contextSize" must be an integer between 256 and 131072, got the number 100'],
    ['contextSize: {tokens: 2048}', '"contextSize" must be an integer between 256 and 131072, got a mapping'],
    ['threads: 0', '"threads" must be an integer between 1 and 1024, got the number 0'],
    ['maxQueue: -1', '"maxQueue" must be an integer between 0 and 10000, got the number -1'],
    ['maxQueue: .inf', '"maxQueue" must be an integer between 0 and 10000, got the number Infinity'],
    ['maxTokensLimit: false', '"maxTokensLimit" must be an integer between 1 and 131072, got the boolean false'],
    ['model: ""', '"model" must be a non-empty string, got the string ""'],
    ['model: 42', '"model" must be a non-empty string, got the number 42'],
    ['nodeId: ""', '"nodeId" must be 1 to 64 letters, digits, ".", "_" or "-", got the string ""'],
    ['nodeId: my node', '"nodeId" must be 1 to 64 letters, digits, ".", "_" or "-", got the string "my node"'],
    ['nodeId: 42', '"nodeId" must be 1 to 64 letters, digits, ".", "_" or "-", got the number 42'],
    [`nodeId: ${'n'.repeat(65)}`, `"nodeId" must be 1 to 64 letters, digits, ".", "_" or "-", got the string "${'n'.repeat(65)}"`],
    ['federation: true', `"federation" must be a mapping (${FEDERATION_KEYS}), got the boolean true`],
    ['federation: [enabled]', `"federation" must be a mapping (${FEDERATION_KEYS}), got a list`],
    ['federation: {weights: [1]}', '"federation.weights" must be a mapping (peers, models), got a list'],
    ['federation: {enabled: yes}', '"federation.enabled" must be true or false, got the string "yes"'],
    ['federation: {enabled: null}', '"federation.enabled" must be true or false, got null'],
    ['federation: {peers: 192.168.1.20:17615}', '"federation.peers" must be a list of peer addresses (host:port or openai+http(s)://host:port/v1, no whitespace), got the string "192.168.1.20:17615"'],
    ['federation: {peers: null}', '"federation.peers" must be a list of peer addresses (host:port or openai+http(s)://host:port/v1, no whitespace), got null'],
    ['federation: {peers: [a:1, 17615]}', '"federation.peers" must be a list of peer addresses (host:port or openai+http(s)://host:port/v1, no whitespace), got the number 17615 at index 1'],
    ['federation: {peers: ["a :1"]}', '"federation.peers" must be a list of peer addresses (host:port or openai+http(s)://host:port/v1, no whitespace), got the string "a :1" at index 0'],
    ['federation: {peers: [""]}', '"federation.peers" must be a list of peer addresses (host:port or openai+http(s)://host:port/v1, no whitespace), got the string "" at index 0'],
    ['federation: {discovery: "off"}', '"federation.discovery" must be true or false, got the string "off"'],
    ['federation: {mode: fast}', '"federation.mode" must be one of vote, balance, got the string "fast"'],
    ['federation: {mode: null}', '"federation.mode" must be one of vote, balance, got null'],
    ['federation: {strategy: fastest}', '"federation.strategy" must be one of majority, weighted_vote, best_of_n, first_valid, judge, judge_merge, got the string "fastest"'],
    ['federation: {voteTimeoutMs: 99}', '"federation.voteTimeoutMs" must be an integer between 100 and 600000, got the number 99'],
    ['federation: {voteTimeoutMs: 600001}', '"federation.voteTimeoutMs" must be an integer between 100 and 600000, got the number 600001'],
    ['federation: {voteTimeoutMs: "30000"}', '"federation.voteTimeoutMs" must be an integer between 100 and 600000, got the string "30000"'],
    ['federation: {healthIntervalMs: 199}', '"federation.healthIntervalMs" must be an integer between 200 and 60000, got the number 199'],
    ['federation: {healthIntervalMs: 60001}', '"federation.healthIntervalMs" must be an integer between 200 and 60000, got the number 60001'],
    ['federation: {healthIntervalMs: 250.5}', '"federation.healthIntervalMs" must be an integer between 200 and 60000, got the number 250.5'],
    ['federation: {unhealthyAfterFailures: 0}', '"federation.unhealthyAfterFailures" must be an integer between 1 and 100, got the number 0'],
    ['federation: {unhealthyAfterFailures: 101}', '"federation.unhealthyAfterFailures" must be an integer between 1 and 100, got the number 101'],
    ['federation: {peerTtlMs: 999}', '"federation.peerTtlMs" must be an integer between 1000 and 3600000, got the number 999'],
    ['federation: {peerTtlMs: 3600001}', '"federation.peerTtlMs" must be an integer between 1000 and 3600000, got the number 3600001'],
    ['federation: {weights: {peers: [node-b]}}', '"federation.weights.peers" must be a mapping of peer ids to numbers greater than 0 and at most 1000, got a list'],
    ['federation: {weights: {peers: {node-b: 0}}}', '"federation.weights.peers" must be a mapping of peer ids to numbers greater than 0 and at most 1000, got the number 0 for "node-b"'],
    ['federation: {weights: {peers: {a: 1, node-b: -2}}}', '"federation.weights.peers" must be a mapping of peer ids to numbers greater than 0 and at most 1000, got the number -2 for "node-b"'],
    ['federation: {weights: {peers: {node-b: 1000.5}}}', '"federation.weights.peers" must be a mapping of peer ids to numbers greater than 0 and at most 1000, got the number 1000.5 for "node-b"'],
    ['federation: {weights: {peers: {node-b: .inf}}}', '"federation.weights.peers" must be a mapping of peer ids to numbers greater than 0 and at most 1000, got the number Infinity for "node-b"'],
    ['federation: {weights: {peers: {node-b: .nan}}}', '"federation.weights.peers" must be a mapping of peer ids to numbers greater than 0 and at most 1000, got the number NaN for "node-b"'],
    ['federation: {weights: {models: {m: "2"}}}', '"federation.weights.models" must be a mapping of model ids to numbers greater than 0 and at most 1000, got the string "2" for "m"'],
    ['federation: {weights: {models: {"": 2}}}', '"federation.weights.models" must be a mapping of model ids to numbers greater than 0 and at most 1000, got an empty id'],
    ['federation: {weights: {models: null}}', '"federation.weights.models" must be a mapping of model ids to numbers greater than 0 and at most 1000, got null'],
  ])('rejects wrong types and ranges, naming key and expected type: %s', (text, detail) => {
    expect(load('c.yaml', `${text}\n`)).toEqual({
      ok: false,
      error: { code: ConfigErrorCode.INVALID_VALUE, message: `error: config file c.yaml: ${detail}` },
    });
  });

  it('rejects wrong types in JSON too', () => {
    expect(load('c.json', '{"port": "80"}')).toEqual({
      ok: false,
      error: {
        code: ConfigErrorCode.INVALID_VALUE,
        message: 'error: config file c.json: "port" must be an integer between 0 and 65535, got the string "80"',
      },
    });
  });

  it('reports an unreadable file', () => {
    expect(loadConfigFile('missing.yaml', reader({}))).toEqual({
      ok: false,
      error: {
        code: ConfigErrorCode.FILE_UNREADABLE,
        message: "error: cannot read config file missing.yaml: ENOENT: no such file or directory, open 'missing.yaml'",
      },
    });
  });

  it.each(['swarm.toml', 'swarm', 'swarm.yaml.bak'])('rejects the extension of %s before reading', (path) => {
    const readFile = jest.fn(() => '');
    const result = loadConfigFile(path, readFile);
    expect(result).toEqual({
      ok: false,
      error: { code: ConfigErrorCode.FILE_FORMAT, message: `error: config file ${path} must end in .json, .yaml or .yml` },
    });
    expect(readFile).not.toHaveBeenCalled();
  });

  it.each([
    ['bad.json', '{"port": 80,}', /^error: config file bad\.json is not valid JSON: /],
    ['bad.json', '', /^error: config file bad\.json is not valid JSON: /],
    ['bad.yaml', 'port: [80\n', /^error: config file bad\.yaml is not valid YAML: /],
    ['bad.yaml', 'port: 1\nport: 2\n', /^error: config file bad\.yaml is not valid YAML: .*[Uu]nique/],
    ['bad.yaml', 'port: 1\n---\nport: 2\n', /^error: config file bad\.yaml is not valid YAML: /],
    ['bad.yaml', 'model: !secret x\n', /^error: config file bad\.yaml is not valid YAML: /],
  ])('reports a syntax error in %s (%j) on one line', (path, text, message) => {
    const result = load(path, text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(ConfigErrorCode.FILE_SYNTAX);
    expect(result.error.message).toMatch(message);
    expect(result.error.message).not.toContain('\n');
  });

  it.each([
    ['list.yaml', '- port: 1\n', 'a list'],
    ['scalar.yaml', 'just text\n', 'the string "just text"'],
    ['number.json', '42', 'the number 42'],
  ])('requires a mapping at the top of %s', (path, text, got) => {
    expect(load(path, text)).toEqual({
      ok: false,
      error: { code: ConfigErrorCode.FILE_SYNTAX, message: `error: config file ${path} must hold a mapping of settings, got ${got}` },
    });
  });

  it('does not write to the console while parsing YAML', () => {
    const warn = jest.spyOn(process, 'emitWarning');
    const log = jest.spyOn(console, 'warn');
    load('c.yaml', 'model: !secret x\n');
    expect(warn).not.toHaveBeenCalled();
    expect(log).not.toHaveBeenCalled();
    warn.mockRestore();
    log.mockRestore();
  });
});
