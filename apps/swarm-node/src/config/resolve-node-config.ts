import { readFileSync } from 'node:fs';
import { checkSettings } from './check-settings';
import type { ConfigError } from './config-error';
import { assembleSettings } from './field-tree';
import { loadConfigFile } from './load-config-file';
import { DEFAULT_SETTINGS, type ConfigSource, type ConfigSources, type NodeConfig, type SettableConfig, type SettableKey } from './node-config';
import { NODE_FIELDS } from './node-fields';
import { ownVersion } from './own-version';
import { parseCli } from './parse-cli';
import { SETTABLE_KEYS } from './settable-fields';

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

  const cliValues = cli.cli.values;
  // Parsers never store `undefined` (exactOptionalPropertyTypes), so a later layer only
  // overrides the settings it holds.
  const merged: SettableConfig = { ...DEFAULT_SETTINGS, ...fileValues, ...cliValues };
  const sourceOf = (key: SettableKey): ConfigSource =>
    cliValues[key] !== undefined ? 'cli' : fileValues[key] !== undefined ? 'file' : 'default';
  // One entry per settable key, so the record is complete.
  const sources = Object.fromEntries(SETTABLE_KEYS.map((key) => [key, sourceOf(key)])) as ConfigSources;

  const checked = checkSettings(merged, sources, configFile);
  if (!checked.ok) return checked;
  return { ok: true, config: { ...assembleSettings(NODE_FIELDS, checked.settings), configFile }, sources };
}
