import type { Candidate } from '@local-swarm/consensus';
import { maxCandidateChars } from './max-candidate-chars';

/**
 * Most candidates this node asks one peer for, whatever instance count it advertises: the votes
 * of one machine must not outnumber a whole LAN's, and 16 is more instances than a consumer GPU runs.
 */
export const MAX_CANDIDATES_PER_PEER = 16;

/** How many candidates to ask a peer for: its advertised instance count, 1 when unknown, at most MAX_CANDIDATES_PER_PEER. */
export function candidatesToAsk(advertisedInstances: number | null): number {
  if (advertisedInstances === null || !Number.isInteger(advertisedInstances)) return 1;
  return Math.min(MAX_CANDIDATES_PER_PEER, Math.max(1, advertisedInstances));
}

/** The candidates of a peer's reply this node uses, and what in the reply broke the protocol. */
export interface ScreenedCandidates {
  readonly kept: readonly Candidate[];
  /** Empty for an honest reply. */
  readonly violations: readonly string[];
}

/**
 * Keeps the first `asked` candidates of a reply whose texts fit `maxTokens`. Extra candidates
 * (a peer packing a vote with more than it was asked for) and over-long texts (not generated
 * within `maxTokens`) are dropped and named as violations. Sequence numbers stay the reply's positions.
 */
export function screenPeerCandidates(candidates: readonly Candidate[], asked: number, maxTokens: number): ScreenedCandidates {
  const violations: string[] = [];
  if (candidates.length > asked) violations.push(`sent ${candidates.length} candidates, ${asked} asked; the extra ${candidates.length - asked} dropped`);
  const maxChars = maxCandidateChars(maxTokens);
  const fitting = candidates.slice(0, asked).filter((candidate) => candidate.text.length <= maxChars);
  const overLong = Math.min(asked, candidates.length) - fitting.length;
  if (overLong > 0) violations.push(`sent ${overLong} candidate text(s) longer than ${maxChars} characters for ${maxTokens} tokens; dropped`);
  return { kept: fitting, violations };
}
