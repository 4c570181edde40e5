/** Where weighted_vote takes its source weights: the configured ones, or those learned from agreement. */
export const SOURCE_WEIGHTS_MODES = ['configured', 'auto'] as const;

export type SourceWeightsMode = (typeof SOURCE_WEIGHTS_MODES)[number];

export function isSourceWeightsMode(value: unknown): value is SourceWeightsMode {
  return typeof value === 'string' && (SOURCE_WEIGHTS_MODES as readonly string[]).includes(value);
}
