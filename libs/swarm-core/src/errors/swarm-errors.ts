/**
 * Error catalog of @local-swarm/swarm-core, with stable codes (fastify's FST_ERR_* style).
 * Expected failures travel as values (`SwarmFailure`); only the app maps codes to HTTP statuses.
 */
export const SwarmErrorCode = {
  /** The request queue is full: try again later (HTTP 429 with Retry-After). */
  QueueFull: 'SWARM_ERR_QUEUE_FULL',
  /**
   * The asking client already holds its share of the wait queue (half of it): others must still
   * get in. Try again later (HTTP 429 with Retry-After).
   */
  ClientQueueShareExceeded: 'SWARM_ERR_CLIENT_QUEUE_SHARE_EXCEEDED',
  /** Prompt plus max_tokens does not fit in one sequence's context. */
  ContextLengthExceeded: 'SWARM_ERR_CONTEXT_LENGTH_EXCEEDED',
  /** More candidates requested than the swarm has instances. */
  TooManyCandidates: 'SWARM_ERR_TOO_MANY_CANDIDATES',
  /** The caller aborted before generation started (client went away). */
  Aborted: 'SWARM_ERR_ABORTED',
  /** The swarm is not started or is stopping. */
  NotReady: 'SWARM_ERR_NOT_READY',
  /** The engine failed while generating. */
  EngineFailed: 'SWARM_ERR_ENGINE_FAILED',
  /** A remote candidate source (peer node, OpenAI-compatible server) failed or timed out. */
  SourceFailed: 'SWARM_ERR_SOURCE_FAILED',
  /** The model file could not be found or loaded. */
  ModelLoadFailed: 'SWARM_ERR_MODEL_LOAD_FAILED',
} as const;

export type SwarmErrorCode = (typeof SwarmErrorCode)[keyof typeof SwarmErrorCode];

export interface SwarmFailure {
  readonly code: SwarmErrorCode;
  readonly message: string;
  /** For QueueFull and ClientQueueShareExceeded: a suggested wait before retrying, in seconds. */
  readonly retryAfterSeconds?: number;
}

/** Thrown (programmer/setup errors only), carrying a catalog code. */
export class SwarmError extends Error {
  constructor(
    readonly code: SwarmErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'SwarmError';
  }
}
