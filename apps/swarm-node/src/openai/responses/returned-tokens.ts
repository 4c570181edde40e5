import type { Candidate, RankedCandidate } from '@local-swarm/consensus';
import type { ConsensusRun } from '@local-swarm/swarm-core';

/** The top `choices` candidates of the verdict's ranking, winner first: what the client gets back. */
export function returnedCandidates(run: ConsensusRun, choices: number): readonly RankedCandidate[] {
  return run.verdict.ranking.slice(0, choices);
}

/**
 * Tokens one candidate generated. A source that counts only its total (an OpenAI-compatible peer
 * reports usage per request, not per choice) is credited an even share of it per candidate.
 */
export function candidateTokens(run: ConsensusRun, candidate: Candidate): number {
  if (candidate.completionTokens !== undefined) return candidate.completionTokens;
  const report = run.sources.find((source) => source.id === candidate.source);
  if (report?.usage === undefined || report.candidates === 0) return 0;
  return Math.round(report.usage.completionTokens / report.candidates);
}

/**
 * Completion tokens of the choices returned to the client, which is what OpenAI clients read
 * `usage.completion_tokens` as; the hidden candidates' cost is reported apart (consensus.usage).
 */
export function returnedCompletionTokens(run: ConsensusRun, choices: number): number {
  return returnedCandidates(run, choices).reduce((sum, ranked) => sum + candidateTokens(run, ranked.candidate), 0);
}
