import { batchScalingOf } from './weight-batching';
import type { CostChoice } from './choose-size-by-cost';

export interface BatchingWarningInput {
  /** e.g. "Q4_1" (weightTypeName); null when unknown. */
  readonly weightType: string | null;
  /** The model's embedding length (row length of most weights); null when unknown. */
  readonly embeddingLength: number | null;
  readonly choice: CostChoice;
}

/**
 * A warning when the measured cost stopped growth (or the floor of three overrode it) and the
 * weights are of a type llama.cpp does not repack for batched steps: then another file of the same
 * model would likely give more candidates for the time. Null otherwise: a cheap measurement needs
 * no advice, and an expensive one with repacked weights is the machine, not the file.
 */
export function batchingWarning(input: BatchingWarningInput): string | null {
  const tooCostly = input.choice.firstTooCostly;
  if (input.choice.stoppedBy !== 'cost' || tooCostly === null) return null;
  if (batchScalingOf(input.weightType, input.embeddingLength) !== 'unrepacked') return null;
  return (
    `this model's weights are ${input.weightType ?? 'unknown'}, whose batched steps scale poorly on this CPU ` +
    `(${tooCostly.candidates} candidates cost ${tooCostly.ratio.toFixed(1)}x one); ` +
    `a Q4_0 or IQ4_NL file of the same model batches through llama.cpp's repacked kernels`
  );
}
