/**
 * Error catalog of @local-swarm/consensus (fastify `FST_ERR_*` style: stable codes, one place).
 *
 * Only programmer errors throw: a bad option or a malformed candidate means the caller built the
 * request wrongly. Expected outcomes (every candidate invalid, models disagree) are values in the
 * Verdict, never exceptions. Mapping codes to HTTP statuses is the app's job, not this lib's.
 */
export const CONSENSUS_ERROR_MESSAGES = {
  /** `options.strategy` is not one of STRATEGY_NAMES. */
  CONSENSUS_ERR_UNKNOWN_STRATEGY: 'Unknown consensus strategy',
  /** A `sourceWeights`/`modelWeights` value is negative, NaN or infinite. */
  CONSENSUS_ERR_INVALID_WEIGHT: 'Invalid weight',
  /** A candidate breaks the Candidate contract (non-string text, non-finite latency or score...). */
  CONSENSUS_ERR_INVALID_CANDIDATE: 'Invalid candidate',
  /**
   * `options.json.schema` or a tool's `parameters` cannot be used: not an object, too large or too
   * deep, another draft, invalid, or not compilable (check it with findJsonSchemaProblem first).
   */
  CONSENSUS_ERR_INVALID_SCHEMA: 'Invalid JSON schema',
  /** `options.tools` is not a list of uniquely named functions. */
  CONSENSUS_ERR_INVALID_TOOL: 'Invalid tool',
  /** A numeric option (such as `askedFor`) is out of its range. */
  CONSENSUS_ERR_INVALID_OPTION: 'Invalid option',
} as const;

export type ConsensusErrorCode = keyof typeof CONSENSUS_ERROR_MESSAGES;

export class ConsensusError extends Error {
  override readonly name = 'ConsensusError';

  constructor(
    readonly code: ConsensusErrorCode,
    detail: string,
  ) {
    super(`${CONSENSUS_ERROR_MESSAGES[code]}: ${detail}`);
  }
}
