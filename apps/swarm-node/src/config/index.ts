export {
  DEFAULT_FEDERATION_CONFIG,
  DEFAULT_NODE_CONFIG,
  DEFAULT_SETTINGS,
  STRATEGY_NAMES,
  type ConfigSource,
  type ConfigSources,
  type FederationConfig,
  type FederationWeights,
  type LogLevel,
  type NodeConfig,
  type SettableConfig,
  type SettableKey,
  type StrategyName,
} from './node-config';
export { DEFAULT_INSTANCES, LOG_LEVELS, NODE_ID_PATTERN } from './node-fields';
export { ConfigErrorCode, type ConfigError } from './config-error';
export { parseCli, type CliValues, type ParseCliResult } from './parse-cli';
export { loadConfigFile, type LoadConfigFileResult } from './load-config-file';
export {
  resolveNodeConfig,
  type ConfigIo,
  type ResolveNodeConfigOptions,
  type ResolveNodeConfigResult,
} from './resolve-node-config';
