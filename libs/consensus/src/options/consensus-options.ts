import { ConsensusError } from '../errors/consensus-error';
import { isJsonSchemaSubset } from '../json/json-schema-subset';
import { assertStrategyName, type StrategyName } from '../strategies/strategy-name';
import type { JsonModeOptions } from './json-mode-options';

export interface ConsensusOptions {
  readonly strategy: StrategyName;
  /**
   * weighted_vote only: weight per source (node id). Default 1 for a source not listed. Finite, >= 0;
   * 0 silences a source. Shared among that source's candidates (see the README's weighting rules).
   */
  readonly sourceWeights?: Readonly<Record<string, number>> | undefined;
  /** weighted_vote only: weight per model id, multiplied in. Default 1. Finite, >= 0. */
  readonly modelWeights?: Readonly<Record<string, number>> | undefined;
  /** JSON mode: answers must be a JSON object/array (matching `schema` when given). Default: off. */
  readonly json?: JsonModeOptions | undefined;
}

function assertWeights(name: string, weights: Readonly<Record<string, number>> | undefined): void {
  for (const [key, weight] of Object.entries(weights ?? {})) {
    if (typeof weight !== 'number' || !Number.isFinite(weight) || weight < 0) {
      throw new ConsensusError('CONSENSUS_ERR_INVALID_WEIGHT', `${name}[${JSON.stringify(key)}] = ${String(weight)}`);
    }
  }
}

/** Throws a ConsensusError on a programmer error in the options. */
export function assertValidOptions(options: ConsensusOptions): void {
  assertStrategyName(options.strategy);
  assertWeights('sourceWeights', options.sourceWeights);
  assertWeights('modelWeights', options.modelWeights);
  const schema = options.json?.schema;
  if (schema !== undefined && !isJsonSchemaSubset(schema)) {
    throw new ConsensusError('CONSENSUS_ERR_INVALID_SCHEMA', 'check it with isJsonSchemaSubset() first');
  }
}
