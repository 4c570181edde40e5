import { ConsensusError } from '../errors/consensus-error';
import { assertGroupingOptions } from '../grouping/assert-grouping-options';
import { requireSchemaCheck } from '../json/require-schema-check';
import { assertStrategyName, type StrategyName } from '../strategies/strategy-name';
import type { GroupingMode } from '../grouping/grouping-mode';
import type { JsonModeOptions } from './json-mode-options';
import type { SemanticGroupingOptions } from './semantic-grouping-options';
import type { ConsensusTool } from './tool-options';

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
  /**
   * The functions the request offered, when the candidates may call tools: a call to a function
   * not listed, or with arguments not matching its `parameters`, is dropped. Undefined: any name
   * is accepted and only the arguments being a JSON object is checked. Names are unique.
   */
  readonly tools?: readonly ConsensusTool[] | undefined;
  /**
   * How many candidates were asked for across all sources. Those that never arrived count against
   * `agreement` (one each, at the mean voting weight). Default, or below the count given: the
   * candidates given. A non-negative integer.
   */
  readonly askedFor?: number | undefined;
  /** Grouping by meaning: embedding vectors of the candidate texts and the cosine threshold. Default: off. */
  readonly semantic?: SemanticGroupingOptions | undefined;
  /**
   * The question the candidates answer (the last user message, or the text prompt): its own words
   * are not answer words when short answers are grouped. Only its first COST_BOUNDS.grouping
   * characters are read. Default: none (only stop words and filler are removed).
   */
  readonly question?: string | undefined;
  /** How candidates are grouped before the vote (see GroupingMode). Default: `layered`. */
  readonly grouping?: GroupingMode | undefined;
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
  // Compiling here (cached) makes a bad schema fail loudly even when no candidate is JSON.
  if (schema !== undefined) requireSchemaCheck(schema, 'json.schema');
  assertTools(options.tools);
  assertAskedFor(options.askedFor);
  assertGroupingOptions(options);
}

function assertTools(tools: readonly ConsensusTool[] | undefined): void {
  if (tools === undefined) return;
  if (!Array.isArray(tools)) throw new ConsensusError('CONSENSUS_ERR_INVALID_TOOL', 'tools is not an array');
  const seen = new Set<string>();
  tools.forEach((tool, index) => {
    const name: unknown = tool.name;
    if (typeof name !== 'string' || name === '') {
      throw new ConsensusError('CONSENSUS_ERR_INVALID_TOOL', `tools[${index}].name is not a non-empty string`);
    }
    if (seen.has(name)) throw new ConsensusError('CONSENSUS_ERR_INVALID_TOOL', `tools[${index}].name ${JSON.stringify(name)} is listed twice`);
    seen.add(name);
    if (tool.parameters !== undefined) requireSchemaCheck(tool.parameters, `tools[${index}].parameters`);
  });
}

function assertAskedFor(askedFor: number | undefined): void {
  if (askedFor === undefined) return;
  if (!Number.isSafeInteger(askedFor) || askedFor < 0) {
    throw new ConsensusError('CONSENSUS_ERR_INVALID_OPTION', `askedFor = ${String(askedFor)} is not a non-negative integer`);
  }
}
