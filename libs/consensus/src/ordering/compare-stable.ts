import type { Candidate } from '../candidate/candidate';

/** Code-unit comparison: unlike localeCompare it does not depend on the machine's locale. */
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The stable candidate order: source, then sequence. Every later tie-break ("earlier stable
 * order") uses it, so a verdict never depends on the order candidates arrived in. Two candidates
 * with the same source and sequence (a producer bug) are ordered by their content, so even then
 * the result does not depend on input order.
 */
export function compareStable(a: Candidate, b: Candidate): number {
  return (
    compareStrings(a.source, b.source) ||
    a.sequence - b.sequence ||
    compareStrings(a.model, b.model) ||
    compareStrings(a.text, b.text) ||
    a.latencyMs - b.latencyMs ||
    compareStrings(a.finishReason, b.finishReason) ||
    (b.score ?? -Infinity) - (a.score ?? -Infinity) ||
    0
  );
}
