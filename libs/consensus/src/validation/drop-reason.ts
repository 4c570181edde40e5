/** Why a candidate was kept out of the vote. */
export type DropReason =
  | 'empty'
  | 'truncated'
  | 'looping'
  | 'cancelled'
  | 'error'
  | 'invalid_json'
  | 'schema_mismatch';

/**
 * Badness order, least bad first: when every candidate is dropped, the verdict still returns the
 * least bad one (with `valid: false`). The order ranks how much usable content each kind keeps:
 * - schema_mismatch: complete, parseable JSON, just the wrong shape;
 * - invalid_json: a complete answer, just not JSON;
 * - truncated: a correct start, cut off by max_tokens;
 * - looping: degenerate repetition (usually also cut off);
 * - cancelled: aborted part-way, by the client or by first_valid;
 * - error: the producer failed, any text is unreliable;
 * - empty: nothing to show at all.
 */
export const DROP_REASONS_LEAST_BAD_FIRST: readonly DropReason[] = Object.freeze([
  'schema_mismatch',
  'invalid_json',
  'truncated',
  'looping',
  'cancelled',
  'error',
  'empty',
] as const);

/** 0 for the least bad reason; compare two dropped candidates with it. */
export function badnessOf(reason: DropReason): number {
  return DROP_REASONS_LEAST_BAD_FIRST.indexOf(reason);
}
