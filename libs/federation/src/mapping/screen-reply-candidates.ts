import type { Candidate } from '@local-swarm/consensus';
import type { GenerationRequest } from '@local-swarm/swarm-core';
import { replyCandidateProblem } from './reply-candidate-problem';

/**
 * The candidates of a peer's reply that answer `request` as asked, and one violation per
 * candidate that does not (see replyCandidateProblem). Log-probabilities nobody asked for are
 * dropped, not held against the peer: they change nothing the vote judges.
 */
export function screenReplyCandidates(
  received: readonly Candidate[],
  request: Pick<GenerationRequest, 'tools' | 'controls' | 'maxTokens'>,
): { readonly kept: readonly Candidate[]; readonly violations: readonly string[] } {
  const asked = request.controls?.logprobs !== undefined;
  const kept: Candidate[] = [];
  const violations: string[] = [];
  for (const candidate of received) {
    const problem = replyCandidateProblem(candidate, request);
    if (problem !== null) violations.push(`${problem}; dropped`);
    else kept.push(asked || candidate.logprobs === undefined ? candidate : { ...candidate, logprobs: undefined });
  }
  return { kept, violations };
}
