import { ConsensusError } from '../errors/consensus-error';
import type { SemanticGroupingOptions } from '../options/semantic-grouping-options';
import { isGroupingMode } from './grouping-mode';

/** Throws a ConsensusError when `grouping`, `question` or `semantic` cannot be used. */
export function assertGroupingOptions(options: {
  readonly grouping?: unknown;
  readonly question?: unknown;
  readonly semantic?: SemanticGroupingOptions | undefined;
}): void {
  const problem =
    options.grouping !== undefined && !isGroupingMode(options.grouping)
      ? `grouping = ${JSON.stringify(options.grouping)} is neither 'layered' nor 'canonical'`
      : options.question !== undefined && typeof options.question !== 'string'
        ? 'question is not a string'
        : options.semantic !== undefined && !(options.semantic.vectors instanceof Map)
          ? 'semantic.vectors is not a Map'
          : options.semantic !== undefined && !(options.semantic.threshold > 0 && options.semantic.threshold <= 1)
            ? `semantic.threshold = ${String(options.semantic.threshold)} is not in (0, 1]`
            : null;
  if (problem !== null) throw new ConsensusError('CONSENSUS_ERR_INVALID_OPTION', problem);
}
