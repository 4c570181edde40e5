/**
 * How candidates are grouped before a vote:
 * - `layered` (default): canonical forms, then short answers, then embeddings when given, then
 *   the medoid (see the README's grouping table);
 * - `canonical`: canonical forms only, then the medoid; the grouping before layers existed, kept
 *   so an evaluation can compare both on the same samples.
 */
export type GroupingMode = 'layered' | 'canonical';

export const GROUPING_MODES: readonly GroupingMode[] = Object.freeze(['layered', 'canonical'] as const);

export function isGroupingMode(value: unknown): value is GroupingMode {
  return typeof value === 'string' && (GROUPING_MODES as readonly string[]).includes(value);
}
