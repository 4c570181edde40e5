import { STRATEGY_NAMES } from '@local-swarm/consensus';
import { SOURCE_WEIGHTS_MODES } from '@local-swarm/federation';
import { FEDERATION_FIELDS } from './federation-fields';
import { field, fieldGroup } from './field-spec';
import { HTTP_FIELDS } from './http-fields';
import { judgeFields } from './judge-fields';
import { ipAddresses, matching, pathsOrUris } from './text-kinds';
import { similarityThresholds } from './threshold-kinds';
import { integers, onOff, oneOf, orNull } from './value-kinds';

/** Odd, so a majority vote among local candidates cannot tie 2-2. */
export const DEFAULT_INSTANCES = 3;

/**
 * Threshold of `--semantic-grouping` given without a number: the strictest one measured by
 * tools/bench semantic-threshold (the consensus README gives the figures; a chat model's
 * embeddings follow wording more than meaning, so the layer is off unless asked for).
 */
export const DEFAULT_SEMANTIC_THRESHOLD = 0.98;

export const LOG_LEVELS = ['error', 'warn', 'info', 'debug'] as const;

/** 1..64 letters, digits, `.`, `_` or `-`: safe in logs, URLs and file names. */
export const NODE_ID_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * Every setting of the node, by its config file key (flags are the same names in kebab-case).
 * Adding a setting is adding its entry here: flags, file keys, --help, defaults and the merged
 * NodeConfig all come from this table.
 */
export const NODE_FIELDS = {
  /** Size instances and context from the hardware. */
  auto: field(onOff, {
    default: false,
    cli: { flags: '--auto', help: 'size instances and context from the hardware', negatable: true },
  }),
  /** GGUF path or `hf:` URI; null: the app picks (e.g. from --auto). */
  model: field(orNull(pathsOrUris), {
    default: null,
    cli: { flags: '--model <path|hf:uri>', help: 'GGUF model file or hf: URI', defaultHelp: 'chosen at startup' },
  }),
  /** GGUF path or `hf:` URI of the model behind /v1/embeddings; null: the chat model itself. */
  embeddingModel: field(orNull(pathsOrUris), {
    default: null,
    cli: {
      flags: '--embedding-model <path|hf:uri>',
      help: 'GGUF model file or hf: URI for /v1/embeddings',
      defaultHelp: 'the chat model',
      env: 'LOCAL_SWARM_EMBEDDING_MODEL',
    },
  }),
  /** Model instances on this node; null: from --auto, else DEFAULT_INSTANCES. */
  instances: field(orNull(integers({ min: 1, max: 32 })), {
    default: null,
    cli: { flags: '--instances <N>', help: 'model instances on this node', defaultHelp: `from --auto, else ${DEFAULT_INSTANCES}` },
  }),
  /** Consensus strategy. */
  strategy: field(oneOf(STRATEGY_NAMES), {
    default: 'majority',
    cli: { flags: '--strategy <name>', help: `consensus strategy: ${STRATEGY_NAMES.join(', ')}` },
  }),
  /**
   * weighted_vote's source weights when a request names none: `configured` (federation.weights.peers,
   * else 1) or `auto` (each source's recent agreement with the winner, learned by the node).
   */
  weights: field(oneOf(SOURCE_WEIGHTS_MODES), {
    default: 'configured',
    cli: { flags: '--weights <mode>', help: 'weighted_vote source weights: configured (federation.weights.peers) or auto (learned from agreement)' },
  }),
  /** Cosine threshold at which candidates' embeddings group them by meaning; null: no semantic grouping. */
  semanticGrouping: field(orNull(similarityThresholds(DEFAULT_SEMANTIC_THRESHOLD)), {
    default: null,
    cli: {
      flags: '--semantic-grouping [threshold]',
      help: `group candidates by the cosine of their embeddings (the model's, or --embedding-model's), threshold in (0, 1], ${DEFAULT_SEMANTIC_THRESHOLD} when left out`,
      defaultHelp: 'off',
    },
  }),
  /** IP address to listen on; null: net-binding's `chooseBindAddress()` picks. */
  host: field(orNull(ipAddresses), {
    default: null,
    cli: {
      flags: '--host <ip>',
      help: 'IP address to listen on; 0.0.0.0 only if you mean it',
      defaultHelp: 'first private/CGNAT address, else 127.0.0.1',
    },
  }),
  /** API port; 0 asks the OS for a free one. */
  port: field(integers({ min: 0, max: 65535 }), {
    default: 17615,
    cli: { flags: '--port <n>', help: 'API port, 0 for any free port' },
  }),
  logLevel: field(oneOf(LOG_LEVELS), { default: 'info', cli: { flags: '--log-level <level>', help: LOG_LEVELS.join(', ') } }),
  /** Context tokens per sequence (per candidate). */
  contextSize: field(integers({ min: 256, max: 131072 }), {
    default: 2048,
    cli: { flags: '--context-size <n>', help: 'context tokens per sequence' },
  }),
  /** CPU threads for inference; null: the engine decides. */
  threads: field(orNull(integers({ min: 1, max: 1024 })), {
    default: null,
    cli: { flags: '--threads <n>', help: 'CPU threads for inference', defaultHelp: 'engine decides' },
  }),
  /** Requests allowed to wait beyond capacity before the API answers 429. */
  maxQueue: field(integers({ min: 0, max: 10000 }), {
    default: 32,
    cli: { flags: '--max-queue <n>', help: 'requests that may wait beyond capacity before 429' },
  }),
  /** Largest `max_tokens` a request may ask for; at most `contextSize` (the default shrinks to fit). */
  maxTokensLimit: field(integers({ min: 1, max: 131072 }), {
    default: 1024,
    cli: { flags: '--max-tokens-limit <n>', help: 'largest max_tokens a request may ask, at most --context-size' },
  }),
  /** This node's id among its peers; null: the app derives a stable id. */
  nodeId: field(orNull(matching(NODE_ID_PATTERN, '1 to 64 letters, digits, ".", "_" or "-"')), {
    default: null,
    cli: {
      flags: '--node-id <id>',
      help: "this node's id among its peers, 1-64 of A-Z a-z 0-9 . _ -",
      defaultHelp: 'derived, stable across restarts',
    },
  }),
  ...HTTP_FIELDS,
  /** Federation with other nodes. */
  federation: fieldGroup({ ...FEDERATION_FIELDS, ...judgeFields(NODE_ID_PATTERN) }),
};
