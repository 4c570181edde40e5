import type { ReceivedVoteRequest } from '@local-swarm/federation-protocol';

/** This node's own bounds on the work one peer's vote request may ask of it. */
export interface VoteLimits {
  /** Most tokens per candidate (the node's own max_tokens limit). */
  readonly maxTokens: number;
  /** Longest this node works on one vote, in ms (its own vote timeout). */
  readonly deadlineMs: number;
}

/**
 * A peer's vote request within this node's limits. Clamped, not refused: the asking node gets
 * shorter candidates or fewer of them in time, which its vote can still use, instead of none.
 */
export function clampVoteRequest(request: ReceivedVoteRequest, limits: VoteLimits): ReceivedVoteRequest {
  return {
    ...request,
    maxTokens: Math.min(request.maxTokens, limits.maxTokens),
    deadlineMs: Math.min(request.deadlineMs, limits.deadlineMs),
  };
}
