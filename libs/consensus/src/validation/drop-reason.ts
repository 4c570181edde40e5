/** Why a candidate was kept out of the vote. */
export type DropReason =
  | 'empty'
  | 'truncated'
  | 'looping'
  | 'cancelled'
  | 'error'
  | 'invalid_json'
  | 'schema_mismatch'
  /** A tool call's arguments are not the JSON text of an object. */
  | 'invalid_tool_arguments'
  /** A tool call names a function the request did not offer. */
  | 'unknown_tool'
  /** A tool call's arguments do not match its function's `parameters` schema. */
  | 'tool_schema_mismatch';

/**
 * Badness order, least bad first: when every candidate is dropped, the verdict still returns the
 * least bad one (with `valid: false`). The order ranks how much usable content each kind keeps:
 * - schema_mismatch: complete, parseable JSON, just the wrong shape;
 * - tool_schema_mismatch: a complete call to an offered function, arguments of the wrong shape;
 * - invalid_json: a complete answer, just not JSON;
 * - invalid_tool_arguments: a complete call whose arguments are not a JSON object;
 * - unknown_tool: a complete call the client cannot run (no such function);
 * - truncated: a correct start, cut off by max_tokens;
 * - looping: degenerate repetition (usually also cut off);
 * - cancelled: aborted part-way, by the client or by first_valid;
 * - error: the producer failed, any text is unreliable;
 * - empty: nothing to show at all.
 */
export const DROP_REASONS_LEAST_BAD_FIRST: readonly DropReason[] = Object.freeze([
  'schema_mismatch',
  'tool_schema_mismatch',
  'invalid_json',
  'invalid_tool_arguments',
  'unknown_tool',
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
