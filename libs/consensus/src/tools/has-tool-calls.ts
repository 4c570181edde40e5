import type { Candidate } from '../candidate/candidate';

/** A candidate with at least one tool call answers with its calls, not with its text. */
export function hasToolCalls(candidate: Candidate): boolean {
  return candidate.toolCalls !== undefined && candidate.toolCalls.length > 0;
}
