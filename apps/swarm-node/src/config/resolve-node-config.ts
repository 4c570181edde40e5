import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { configError, ConfigErrorCode, type ConfigError } from './config-error';
import { FIELD_SPECS, flagName, SETTABLE_KEYS } from './config-fields';
import { loadConfigFile } from './load-config-file';
import {
  DEFAULT_SETTINGS,
  type ConfigSource,
  type ConfigSources,
  type NodeConfig,
  type SettableConfig,
  type SettableKey,
} from './node-config';
import { parseCli } from './parse-cli';

export interface ConfigIo {
  /** Reads a config file as UTF-8 text; throws when it cannot. Default: `fs.readFileSync`. */
  readFile(path: string): string;
}

export interface ResolveNodeConfigOptions {
  /** Printed by --version. Default: the version in apps/swarm-node/package.json. */
  readonly version?: string;
}

export type ResolveNodeConfigResult =
  | { readonly ok: true; readonly config: NodeConfig; readonly sources: ConfigSources }
  | { readonly ok: false; readonly error: ConfigError }
  /** --help or --version: print `output` to stdout and exit 0. */
  | { readonly ok: 'exit'; readonly output: string };

const nodeIo: ConfigIo = { readFile: (path) => readFileSync(path, 'utf8') };

/**
 * Turns the command line (`process.argv.slice(2)`) and the config file it names into one validated
 * NodeConfig. Precedence: flags > config file > defaults, per setting (`--peer` replaces the file's
 * `federation.peers` list, it does not add to it). Never exits and never prints: on error,
 * print `error.message` (one line) and exit 2.
 */
export function resolveNodeConfig(
  argv: readonly string[],
  io: ConfigIo = nodeIo,
  options: ResolveNodeConfigOptions = {},
): ResolveNodeConfigResult {
  const cli = parseCli(argv, options.version ?? ownVersion());
  if (cli.ok !== true) return cli;

  const { configFile } = cli.cli;
  let fileValues: Partial<SettableConfig> = {};
  if (configFile !== null) {
    const loaded = loadConfigFile(configFile, (path) => io.readFile(path));
    if (!loaded.ok) return loaded;
    fileValues = loaded.values;
  }

  const layers = { cli: cli.cli.values, file: fileValues };
  const auto = pick('auto', layers);
  const model = pick('model', layers);
  const instances = pick('instances', layers);
  const strategy = pick('strategy', layers);
  const host = pick('host', layers);
  const port = pick('port', layers);
  const logLevel = pick('logLevel', layers);
  const contextSize = pick('contextSize', layers);
  const threads = pick('threads', layers);
  const maxQueue = pick('maxQueue', layers);
  const maxTokensLimit = pick('maxTokensLimit', layers);
  const nodeId = pick('nodeId', layers);
  const enabled = pick('federation.enabled', layers);
  const peers = pick('federation.peers', layers);
  const discovery = pick('federation.discovery', layers);
  const mode = pick('federation.mode', layers);
  const federationStrategy = pick('federation.strategy', layers);
  const voteTimeoutMs = pick('federation.voteTimeoutMs', layers);
  const healthIntervalMs = pick('federation.healthIntervalMs', layers);
  const unhealthyAfterFailures = pick('federation.unhealthyAfterFailures', layers);
  const peerTtlMs = pick('federation.peerTtlMs', layers);
  const peerWeights = pick('federation.weights.peers', layers);
  const modelWeights = pick('federation.weights.models', layers);

  const sources: ConfigSources = {
    auto: auto.source,
    model: model.source,
    instances: instances.source,
    strategy: strategy.source,
    host: host.source,
    port: port.source,
    logLevel: logLevel.source,
    contextSize: contextSize.source,
    threads: threads.source,
    maxQueue: maxQueue.source,
    maxTokensLimit: maxTokensLimit.source,
    nodeId: nodeId.source,
    'federation.enabled': enabled.source,
    'federation.peers': peers.source,
    'federation.discovery': discovery.source,
    'federation.mode': mode.source,
    'federation.strategy': federationStrategy.source,
    'federation.voteTimeoutMs': voteTimeoutMs.source,
    'federation.healthIntervalMs': healthIntervalMs.source,
    'federation.unhealthyAfterFailures': unhealthyAfterFailures.source,
    'federation.peerTtlMs': peerTtlMs.source,
    'federation.weights.peers': peerWeights.source,
    'federation.weights.models': modelWeights.source,
  };

  // A federation flag on a node that will not federate is a mistake, not a preset (a config
  // file's federation block may be kept while federation is off, flags may not).
  if (!enabled.value) {
    const stray = SETTABLE_KEYS.find((key) => FIELD_SPECS[key].requiresFederation === true && sources[key] === 'cli');
    if (stray !== undefined) {
      return { ok: false, error: configError(ConfigErrorCode.CONFLICT, `${flagName(stray)} requires --federation`) };
    }
  }

  // A reply can never be longer than the context; the default shrinks to fit a small context,
  // an explicit value that cannot fit is the user's mistake to hear about.
  let tokensLimit = maxTokensLimit.value;
  if (tokensLimit > contextSize.value) {
    if (maxTokensLimit.source === 'default') {
      tokensLimit = contextSize.value;
    } else {
      return {
        ok: false,
        error: configError(
          ConfigErrorCode.CONFLICT,
          `${label('maxTokensLimit', maxTokensLimit.source, configFile)} (${tokensLimit}) must not exceed ` +
            `${label('contextSize', contextSize.source, configFile)} (${contextSize.value})`,
        ),
      };
    }
  }

  return {
    ok: true,
    config: {
      auto: auto.value,
      model: model.value,
      instances: instances.value,
      strategy: strategy.value,
      host: host.value,
      port: port.value,
      logLevel: logLevel.value,
      contextSize: contextSize.value,
      threads: threads.value,
      maxQueue: maxQueue.value,
      maxTokensLimit: tokensLimit,
      nodeId: nodeId.value,
      federation: {
        enabled: enabled.value,
        peers: peers.value,
        discovery: discovery.value,
        mode: mode.value,
        strategy: federationStrategy.value,
        voteTimeoutMs: voteTimeoutMs.value,
        healthIntervalMs: healthIntervalMs.value,
        unhealthyAfterFailures: unhealthyAfterFailures.value,
        peerTtlMs: peerTtlMs.value,
        weights: { peers: peerWeights.value, models: modelWeights.value },
      },
      configFile,
    },
    sources,
  };
}

interface Layers {
  readonly cli: Partial<SettableConfig>;
  readonly file: Partial<SettableConfig>;
}

function pick<K extends SettableKey>(key: K, layers: Layers): { value: SettableConfig[K]; source: ConfigSource } {
  // Partial values are never `undefined` when present (exactOptionalPropertyTypes), so undefined = not set.
  const fromCli = layers.cli[key];
  if (fromCli !== undefined) return { value: fromCli, source: 'cli' };
  const fromFile = layers.file[key];
  if (fromFile !== undefined) return { value: fromFile, source: 'file' };
  return { value: DEFAULT_SETTINGS[key], source: 'default' };
}

function label(key: SettableKey, source: ConfigSource, configFile: string | null): string {
  if (source === 'cli') return flagName(key);
  if (source === 'file') return `"${key}" in ${configFile ?? 'the config file'}`;
  return `the default ${flagName(key)}`;
}

/** apps/swarm-node/package.json: two folders up from both src/config and dist/config. */
function ownVersion(): string {
  try {
    const manifest: unknown = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8'));
    if (typeof manifest === 'object' && manifest !== null && 'version' in manifest && typeof manifest.version === 'string') {
      return manifest.version;
    }
  } catch {
    // fall through: a missing manifest must not stop --help
  }
  return 'unknown';
}
