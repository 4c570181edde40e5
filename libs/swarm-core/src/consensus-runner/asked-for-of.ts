import type { SourceOutcome } from '../sources/candidate-source';

/**
 * How many candidates a run asked for, for honest agreement: per source, the count it said it
 * would send (expectedCandidates), else what it sent (a peer chooses its own count; one that
 * failed without saying counts 0). Candidates that were asked for but cancelled, lost or left out
 * then count against agreement.
 */
export function askedForOf(expected: readonly (number | null)[], outcomes: readonly SourceOutcome[]): number {
  return outcomes.reduce((sum, outcome, index) => {
    const sent = outcome.ok ? outcome.candidates.length : 0;
    const said = expected[index] ?? null;
    return sum + (said !== null && Number.isSafeInteger(said) && said >= 0 ? Math.max(said, sent) : sent);
  }, 0);
}
