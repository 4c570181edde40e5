import type { CandidateToolCall } from '../candidate/candidate';
import { stableStringify } from '../canonical/stable-stringify';
import { parseToolArguments } from './parse-tool-arguments';

/**
 * What a list of tool calls claims, as one string: each call as `["name",{arguments}]` with the
 * arguments' keys sorted at every depth, so `{"b":1,"a":2}` and `{ "a": 2, "b": 1 }` are one call.
 *
 * The calls are sorted: parallel calls are independent requests the client may run in any order
 * (OpenAI gives them no order), so [weather(Paris), time(Paris)] and [time(Paris), weather(Paris)]
 * are the same answer. Repeats are kept: calling a function twice is not calling it once.
 * Arguments that are not a JSON object keep their raw text (such a candidate is dropped anyway).
 */
export function toolCallsKey(calls: readonly CandidateToolCall[]): string {
  const entries = calls.map((call) => stableStringify([call.name, parseToolArguments(call.arguments) ?? call.arguments]));
  // Code-unit order, not localeCompare: the key must not depend on the machine's locale.
  return `[${entries.sort().join(',')}]`;
}
