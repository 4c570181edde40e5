import type { Verdict } from '../verdict/verdict';

/**
 * What one decision teaches about each source: 1 when one of its voting candidates is in the
 * winner's group, else 0. Dropped candidates teach nothing; no winner, nothing is learned.
 * Sources come sorted, so the order they are remembered (and so evicted) never depends on the
 * ranking's ties.
 */
export function learnedWeightsAgreement(verdict: Verdict): [source: string, agreed: 0 | 1][] {
  const winner = verdict.winner;
  if (winner === null) return [];
  const winnerGroup = new Set(verdict.groups.find((group) => group.memberIndexes.includes(winner.index))?.memberIndexes ?? [winner.index]);
  const dropped = new Set(verdict.dropped.map((entry) => entry.index));
  const agreed = new Map<string, 0 | 1>();
  for (const ranked of verdict.ranking) {
    if (dropped.has(ranked.index)) continue;
    const inWinnerGroup = winnerGroup.has(ranked.index) ? 1 : 0;
    agreed.set(ranked.candidate.source, Math.max(agreed.get(ranked.candidate.source) ?? 0, inWinnerGroup) as 0 | 1);
  }
  return [...agreed.keys()].sort().map((source) => [source, agreed.get(source) ?? 0]);
}
