/**
 * The node's settings after CLI flags, config file and defaults are merged and validated.
 * Every field has a value: `null` means "decide at startup" (see each field).
 */

/** Consensus strategies a node can use. Local list until the consensus lib exports its own type. */
export const STRATEGY_NAMES = ['majority', 'weighted_vote', 'best_of_n', 'first_valid'] as const;
export type StrategyName = (typeof STRATEGY_NAMES)[number];

export const LOG_LEVELS = ['error', 'warn', 'info', 'debug'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

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
  /** Path of the config file read, as given to --config. Default: null (none). */
  readonly configFile: string | null;
}

/** Odd, so a majority vote among local candidates cannot tie 2-2. */
export const DEFAULT_INSTANCES = 3;
export const DEFAULT_PORT = 17615;
export const DEFAULT_CONTEXT_SIZE = 2048;
export const DEFAULT_MAX_QUEUE = 32;
export const DEFAULT_MAX_TOKENS_LIMIT = 1024;

/** Inclusive bounds of the numeric settings. */
export const CONFIG_LIMITS = {
  instances: { min: 1, max: 32 },
  port: { min: 0, max: 65535 },
  contextSize: { min: 256, max: 131072 },
  threads: { min: 1, max: 1024 },
  maxQueue: { min: 0, max: 10000 },
  maxTokensLimit: { min: 1, max: 131072 },
} as const;

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
  configFile: null,
});

/** The settings a flag or a config file key can set (`configFile` comes from --config only). */
export type SettableConfig = Omit<NodeConfig, 'configFile'>;
export type SettableKey = keyof SettableConfig;

/** Where each setting's value came from, for the startup log ("port 17615 (default)"). */
export type ConfigSource = 'cli' | 'file' | 'default';
export type ConfigSources = { readonly [K in SettableKey]: ConfigSource };
