import type { FamilySummary } from '../analysis/summarise-outcomes';
import type { VoteSummary } from '../analysis/summarise-vote';

/** A family's column or row name in the report: "factual (48 tasks)". */
export const familyLabel = (summary: Pick<FamilySummary, 'family' | 'tasks'>): string => `${summary.family} (${summary.tasks} tasks)`;

/** A family's figures for vote size k, if that size was analysed. */
export function voteAt(summary: FamilySummary, k: number): VoteSummary | undefined {
  return summary.votes.find((vote) => vote.k === k);
}
