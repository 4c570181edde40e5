/**
 * The node's settings after CLI flags, config file and defaults are merged and validated. Every
 * field has a value: `null` means "decide at startup". Each field's meaning, default, flag and
 * bounds are in NODE_FIELDS, where its entry is documented.
 */
import { assembleSettings, defaultsOf, type FlatSettingsOf, type SettingsOf } from './field-tree';
import { type LOG_LEVELS, NODE_FIELDS } from './node-fields';

/** Consensus strategies a node can use: the consensus lib's own list, re-exported for the config's users. */
export { STRATEGY_NAMES, type StrategyName } from '@local-swarm/consensus';

export type LogLevel = (typeof LOG_LEVELS)[number];

export interface NodeConfig extends SettingsOf<typeof NODE_FIELDS> {
  /** Path of the config file read, as given to --config; null: none. */
  readonly configFile: string | null;
}

/** Settings of the federation: this node voting together with other nodes (config file block `federation:`). */
export type FederationConfig = NodeConfig['federation'];

/** Voting weights for federated `weighted_vote` (config file block `federation.weights:`). */
export type FederationWeights = FederationConfig['weights'];

/**
 * The settings a flag or a config file key can set, flat: nested file keys are dotted paths
 * (`federation.mode`, `federation.weights.peers`). `configFile` comes from --config only.
 */
export type SettableConfig = FlatSettingsOf<typeof NODE_FIELDS>;
export type SettableKey = keyof SettableConfig;

/** Where each setting's value came from, for the startup log ("port 17615 (default)", "federation.mode vote (file)"). */
export type ConfigSource = 'cli' | 'file' | 'default';
export type ConfigSources = { readonly [K in SettableKey]: ConfigSource };

/** Each setting's default, by its flat key. */
export const DEFAULT_SETTINGS: SettableConfig = defaultsOf(NODE_FIELDS);

export const DEFAULT_NODE_CONFIG: NodeConfig = Object.freeze({ ...assembleSettings(NODE_FIELDS, DEFAULT_SETTINGS), configFile: null });

export const DEFAULT_FEDERATION_CONFIG: FederationConfig = DEFAULT_NODE_CONFIG.federation;
