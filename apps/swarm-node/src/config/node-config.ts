/**
 * The node's settings after CLI flags, config file and defaults are merged and validated.
 * Every field has a value: `null` means "decide at startup" (see each field).
 */
import type { StrategyName } from '@local-swarm/consensus';

/** Consensus strategies a node can use: the consensus lib's own list, re-exported for the config's users. */
export { STRATEGY_NAMES, type StrategyName } from '@local-swarm/consensus';

export const LOG_LEVELS = ['error', 'warn', 'info', 'debug'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * How a federated request uses the peers: `vote` asks every healthy peer and votes over all
 * candidates; `balance` sends each request to one node (this one or a peer) to spread the load.
 */
export { FEDERATION_MODES, type FederationMode } from '@local-swarm/swarm-core';
import type { FederationMode } from '@local-swarm/swarm-core';

/** Voting weights for federated `weighted_vote` (ids not listed weigh 1). Each weight: finite, > 0, ≤ 1000. */
export interface FederationWeights {
  /** Weight of each peer's candidates, by node id. Default: {} (file `federation.weights.peers` only). */
  readonly peers: Readonly<Record<string, number>>;
  /** Weight of each model's candidates, by model id. Default: {} (file `federation.weights.models` only). */
  readonly models: Readonly<Record<string, number>>;
}

/** Settings of the federation: this node voting together with other nodes (config file key `federation`). */
export interface FederationConfig {
  /** Join a federation (--federation, alias --enable-federation; file `federation.enabled`). Default: false. */
  readonly enabled: boolean;
  /**
   * Peers to join besides the discovered ones (--peer, repeatable; file `federation.peers`), each
   * `host:port` or `openai+http://host:port/v1`. Only the shape is checked here (non-empty, no
   * whitespace); the app checks the addresses. Flags replace the file's list. Default: [].
   */
  readonly peers: readonly string[];
  /** Find peers on the local network; false keeps only `peers` (--no-discovery). Default: true. */
  readonly discovery: boolean;
  /** `vote` or `balance` (--mode; file `federation.mode`). Default: `vote`. */
  readonly mode: FederationMode;
  /** Strategy for federated requests, overriding the top-level `strategy` (file only). Default: null (use `strategy`). */
  readonly strategy: StrategyName | null;
  /** How long a request waits for the peers' votes, 100..600000 ms (--vote-timeout-ms). Default: 30000. */
  readonly voteTimeoutMs: number;
  /** Time between health checks of each peer, 200..60000 ms (file only). Default: 2000. */
  readonly healthIntervalMs: number;
  /** Failed health checks in a row before a peer counts as unhealthy, 1..100 (file only). Default: 2. */
  readonly unhealthyAfterFailures: number;
  /** A discovered peer not heard from for this long is forgotten, 1000..3600000 ms (file only). Default: 60000. */
  readonly peerTtlMs: number;
  /** Voting weights by peer and by model (file `federation.weights` only). Default: both empty. */
  readonly weights: FederationWeights;
}

export interface NodeConfig {
  /** Size instances and context from the hardware. Default: false. */
  readonly auto: boolean;
  /** GGUF path or `hf:` URI. Default: null (the app picks, e.g. from --auto). */
  readonly model: string | null;
  /** Model instances on this node, 1..32. Default: null (from --auto, else DEFAULT_INSTANCES). */
  readonly instances: number | null;
  /** Consensus strategy. Default: `majority`. */
  readonly strategy: StrategyName;
  /** IP address to listen on. Default: null (net-binding's `chooseBindAddress()` picks). */
  readonly host: string | null;
  /** API port; 0 asks the OS for a free one. Default: 17615. */
  readonly port: number;
  /** Default: `info`. */
  readonly logLevel: LogLevel;
  /** Context tokens per sequence (per candidate), 256..131072. Default: 2048. */
  readonly contextSize: number;
  /** CPU threads for inference. Default: null (the engine decides). */
  readonly threads: number | null;
  /** Requests allowed to wait beyond capacity before the API answers 429. Default: 32. */
  readonly maxQueue: number;
  /** Largest `max_tokens` a request may ask for; at most `contextSize`. Default: 1024 (or contextSize if smaller). */
  readonly maxTokensLimit: number;
  /** This node's id among its peers, 1..64 of `[A-Za-z0-9._-]` (--node-id). Default: null (the app derives a stable id). */
  readonly nodeId: string | null;
  /** Federation with other nodes (flags --federation, --peer, …; file block `federation:`). Default: off. */
  readonly federation: FederationConfig;
  /** Path of the config file read, as given to --config. Default: null (none). */
  readonly configFile: string | null;
}

/** Odd, so a majority vote among local candidates cannot tie 2-2. */
export const DEFAULT_INSTANCES = 3;
export const DEFAULT_PORT = 17615;
export const DEFAULT_CONTEXT_SIZE = 2048;
export const DEFAULT_MAX_QUEUE = 32;
export const DEFAULT_MAX_TOKENS_LIMIT = 1024;
export const DEFAULT_VOTE_TIMEOUT_MS = 30_000;
export const DEFAULT_HEALTH_INTERVAL_MS = 2_000;
export const DEFAULT_UNHEALTHY_AFTER_FAILURES = 2;
/** A peer silent for 60 s is forgotten (the seed's rule). */
export const DEFAULT_PEER_TTL_MS = 60_000;

/** Inclusive bounds of the numeric settings. */
export const CONFIG_LIMITS = {
  instances: { min: 1, max: 32 },
  port: { min: 0, max: 65535 },
  contextSize: { min: 256, max: 131072 },
  threads: { min: 1, max: 1024 },
  maxQueue: { min: 0, max: 10000 },
  maxTokensLimit: { min: 1, max: 131072 },
  voteTimeoutMs: { min: 100, max: 600_000 },
  healthIntervalMs: { min: 200, max: 60_000 },
  unhealthyAfterFailures: { min: 1, max: 100 },
  peerTtlMs: { min: 1_000, max: 3_600_000 },
  /** A weight is a finite number > min and ≤ max. */
  weight: { min: 0, max: 1000 },
} as const;

/** 1..64 letters, digits, `.`, `_` or `-`: safe in logs, URLs and file names. */
export const NODE_ID_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;

export const DEFAULT_FEDERATION_CONFIG: FederationConfig = Object.freeze({
  enabled: false,
  peers: Object.freeze([]),
  discovery: true,
  mode: 'vote',
  strategy: null,
  voteTimeoutMs: DEFAULT_VOTE_TIMEOUT_MS,
  healthIntervalMs: DEFAULT_HEALTH_INTERVAL_MS,
  unhealthyAfterFailures: DEFAULT_UNHEALTHY_AFTER_FAILURES,
  peerTtlMs: DEFAULT_PEER_TTL_MS,
  weights: Object.freeze({ peers: Object.freeze({}), models: Object.freeze({}) }),
});

export const DEFAULT_NODE_CONFIG: NodeConfig = Object.freeze({
  auto: false,
  model: null,
  instances: null,
  strategy: 'majority',
  host: null,
  port: DEFAULT_PORT,
  logLevel: 'info',
  contextSize: DEFAULT_CONTEXT_SIZE,
  threads: null,
  maxQueue: DEFAULT_MAX_QUEUE,
  maxTokensLimit: DEFAULT_MAX_TOKENS_LIMIT,
  nodeId: null,
  federation: DEFAULT_FEDERATION_CONFIG,
  configFile: null,
});

/** `{ mode: … }` under prefix `federation` → `{ 'federation.mode': … }`. */
type Prefixed<P extends string, T> = { readonly [K in keyof T & string as `${P}.${K}`]: T[K] };

/**
 * The settings a flag or a config file key can set, flat: nested file keys are dotted paths
 * (`federation.mode`, `federation.weights.peers`). `configFile` comes from --config only.
 */
export type SettableConfig = Omit<NodeConfig, 'configFile' | 'federation'> &
  Prefixed<'federation', Omit<FederationConfig, 'weights'>> &
  Prefixed<'federation.weights', FederationWeights>;
export type SettableKey = keyof SettableConfig;

/** Each setting's default, by its flat key. */
export const DEFAULT_SETTINGS: SettableConfig = Object.freeze({
  auto: DEFAULT_NODE_CONFIG.auto,
  model: DEFAULT_NODE_CONFIG.model,
  instances: DEFAULT_NODE_CONFIG.instances,
  strategy: DEFAULT_NODE_CONFIG.strategy,
  host: DEFAULT_NODE_CONFIG.host,
  port: DEFAULT_NODE_CONFIG.port,
  logLevel: DEFAULT_NODE_CONFIG.logLevel,
  contextSize: DEFAULT_NODE_CONFIG.contextSize,
  threads: DEFAULT_NODE_CONFIG.threads,
  maxQueue: DEFAULT_NODE_CONFIG.maxQueue,
  maxTokensLimit: DEFAULT_NODE_CONFIG.maxTokensLimit,
  nodeId: DEFAULT_NODE_CONFIG.nodeId,
  'federation.enabled': DEFAULT_FEDERATION_CONFIG.enabled,
  'federation.peers': DEFAULT_FEDERATION_CONFIG.peers,
  'federation.discovery': DEFAULT_FEDERATION_CONFIG.discovery,
  'federation.mode': DEFAULT_FEDERATION_CONFIG.mode,
  'federation.strategy': DEFAULT_FEDERATION_CONFIG.strategy,
  'federation.voteTimeoutMs': DEFAULT_FEDERATION_CONFIG.voteTimeoutMs,
  'federation.healthIntervalMs': DEFAULT_FEDERATION_CONFIG.healthIntervalMs,
  'federation.unhealthyAfterFailures': DEFAULT_FEDERATION_CONFIG.unhealthyAfterFailures,
  'federation.peerTtlMs': DEFAULT_FEDERATION_CONFIG.peerTtlMs,
  'federation.weights.peers': DEFAULT_FEDERATION_CONFIG.weights.peers,
  'federation.weights.models': DEFAULT_FEDERATION_CONFIG.weights.models,
});

/** Where each setting's value came from, for the startup log ("port 17615 (default)", "federation.mode vote (file)"). */
export type ConfigSource = 'cli' | 'file' | 'default';
export type ConfigSources = { readonly [K in SettableKey]: ConfigSource };
