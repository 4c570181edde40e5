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
};

describe('loadConfigFile', () => {
  it.each(['swarm.yaml', 'swarm.yml', 'SWARM.YAML'])('reads every key from YAML (%s)', (path) => {
    expect(load(path, FULL_YAML)).toEqual({ ok: true, values: FULL_VALUES });
  });

  it('reads every key from JSON', () => {
    expect(load('swarm.json', JSON.stringify(FULL_VALUES))).toEqual({ ok: true, values: FULL_VALUES });
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
    ['c.yaml', 'federation: true\n', 'error: config file c.yaml: unknown key "federation" (known keys: auto, model, instances, strategy, host, port, logLevel, contextSize, threads, maxQueue, maxTokensLimit)'],
    ['c.yaml', 'log-level: debug\n', 'error: config file c.yaml: unknown key "log-level" (did you mean "logLevel"?)'],
    ['c.json', '{"max_tokens_limit": 5}', 'error: config file c.json: unknown key "max_tokens_limit" (did you mean "maxTokensLimit"?)'],
    ['c.yaml', 'config: other.yaml\n', 'error: config file c.yaml: unknown key "config" (known keys: auto, model, instances, strategy, host, port, logLevel, contextSize, threads, maxQueue, maxTokensLimit)'],
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
    ['strategy: fastest', '"strategy" must be one of majority, weighted_vote, best_of_n, first_valid, got the string "fastest"'],
    ['strategy: [majority]', '"strategy" must be one of majority, weighted_vote, best_of_n, first_valid, got a list'],
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
