import type { StrategyName } from '@local-swarm/consensus';
import type { FederationMode, SourceWeightsMode } from '@local-swarm/federation';
import type { Swarm } from '@local-swarm/swarm-core';

/** Injection token of this node's local swarm. */
export const LOCAL_SWARM = Symbol('LOCAL_SWARM');
/** Injection token of the node's resolved runtime settings. */
export const NODE_SETTINGS = Symbol('NODE_SETTINGS');
/** Injection token of the node's pino logger. */
export const APP_LOGGER = Symbol('APP_LOGGER');

/** The part of `Swarm` the HTTP layer uses (a narrow surface keeps fakes honest in unit tests). */
export type LocalSwarm = Pick<Swarm, 'id' | 'info' | 'load' | 'check' | 'measurePrompt' | 'generate' | 'expectedCandidates' | 'embeddings' | 'vocabulary'>;

/** Settings fixed at start-up, after flags, config file, --auto sizing and bind choice. */
export interface NodeSettings {
  readonly version: string;
  /** This node's id among its peers (paired: derived from its key); shown on /health. */
  readonly nodeId: string;
  readonly strategy: StrategyName;
  /** Default federation mode (only matters with federation on). */
  readonly mode: FederationMode;
  readonly maxTokensLimit: number;
  /** max_tokens when a request names none (clamped to what the context leaves). */
  readonly defaultMaxTokens: number;
  readonly hardwareSummary: string;
  readonly startedAt: Date;
  /** Cosine threshold of grouping by meaning (`--semantic-grouping`); absent or null: off. */
  readonly semanticThreshold?: number | null;
  /** weighted_vote's source weights when a request names none (`--weights`); absent: configured. */
  readonly weights?: SourceWeightsMode;
  /** Where learned weights are kept (`<config dir>/learned-weights.json`); absent or null: in memory only. */
  readonly learnedWeightsFile?: string | null;
}

/** Where the node listens; known only once the server is up (port 0 picks a free port). */
export class ListenState {
  url: string | null = null;
}
