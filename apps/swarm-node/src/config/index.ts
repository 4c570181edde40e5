export {
  CONFIG_LIMITS,
  DEFAULT_CONTEXT_SIZE,
  DEFAULT_FEDERATION_CONFIG,
  DEFAULT_HEALTH_INTERVAL_MS,
  DEFAULT_INSTANCES,
  DEFAULT_MAX_QUEUE,
  DEFAULT_MAX_TOKENS_LIMIT,
  DEFAULT_NODE_CONFIG,
  DEFAULT_PEER_TTL_MS,
  DEFAULT_PORT,
  DEFAULT_SETTINGS,
  DEFAULT_UNHEALTHY_AFTER_FAILURES,
  DEFAULT_VOTE_TIMEOUT_MS,
  FEDERATION_MODES,
  LOG_LEVELS,
  NODE_ID_PATTERN,
  STRATEGY_NAMES,
  type ConfigSource,
  type ConfigSources,
  type FederationConfig,
  type FederationMode,
  type FederationWeights,
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
