import { ConsensusError } from '../errors/consensus-error';

/** The consensus strategies this lib implements; the API's `strategy` field takes these names. */
export type StrategyName = 'majority' | 'weighted_vote' | 'best_of_n' | 'first_valid' | 'judge' | 'judge_merge';

export const STRATEGY_NAMES: readonly StrategyName[] = Object.freeze([
  'majority',
  'weighted_vote',
  'best_of_n',
  'first_valid',
  'judge',
  'judge_merge',
] as const);

/** Narrows untrusted input (a request body, an env var) to a StrategyName. */
export function isStrategyName(value: unknown): value is StrategyName {
  return typeof value === 'string' && (STRATEGY_NAMES as readonly string[]).includes(value);
}

/** Throws a ConsensusError when untyped input (plain JavaScript) names no strategy. */
export function assertStrategyName(value: unknown): asserts value is StrategyName {
  if (!isStrategyName(value)) throw new ConsensusError('CONSENSUS_ERR_UNKNOWN_STRATEGY', JSON.stringify(value));
}
