import { LEARNED_WEIGHTS_FILE_NAME } from '@local-swarm/federation';
import { join } from 'node:path';
import type { NodeConfig } from '../config';
import { configDirOf } from '../pairing/config-dir';
import type { NodeSettings } from '../core/core.tokens';

/** max_tokens of a request that names none, before clamping to what the context leaves. */
const DEFAULT_MAX_TOKENS = 256;

/** The settings every module reads, from the resolved config; federation may choose the strategy. */
export function nodeSettings(version: string, config: NodeConfig, hardwareSummary: string, nodeId: string): NodeSettings {
  const { federation } = config;
  return {
    version,
    nodeId,
    strategy: federation.enabled && federation.strategy !== null ? federation.strategy : config.strategy,
    mode: federation.mode,
    maxTokensLimit: config.maxTokensLimit,
    defaultMaxTokens: Math.min(DEFAULT_MAX_TOKENS, config.maxTokensLimit),
    hardwareSummary,
    startedAt: new Date(),
    semanticThreshold: config.semanticGrouping,
    weights: config.weights,
    learnedWeightsFile: join(configDirOf(federation.configDir), LEARNED_WEIGHTS_FILE_NAME),
  };
}
