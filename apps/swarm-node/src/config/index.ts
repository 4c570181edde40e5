export {
  CONFIG_LIMITS,
  DEFAULT_CONTEXT_SIZE,
  DEFAULT_INSTANCES,
  DEFAULT_MAX_QUEUE,
  DEFAULT_MAX_TOKENS_LIMIT,
  DEFAULT_NODE_CONFIG,
  DEFAULT_PORT,
  LOG_LEVELS,
  STRATEGY_NAMES,
  type ConfigSource,
  type ConfigSources,
  type LogLevel,
  type NodeConfig,
  type SettableConfig,
  type SettableKey,
  type StrategyName,
} from './node-config';
export { ConfigErrorCode, type ConfigError } from './config-error';
export { parseCli, type CliValues, type ParseCliResult } from './parse-cli';
export { loadConfigFile, type LoadConfigFileResult } from './load-config-file';
export {
  resolveNodeConfig,
  type ConfigIo,
  type ResolveNodeConfigOptions,
  type ResolveNodeConfigResult,
} from './resolve-node-config';
