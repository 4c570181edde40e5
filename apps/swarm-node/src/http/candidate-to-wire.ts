import type { Candidate, FinishReason } from '@local-swarm/consensus';

/**
 * One candidate as the HTTP API shows it (snake_case): in a completion's consensus metadata, in
 * the dashboard's answers and in its live `candidate` events.
 */
export interface CandidateWire {
  readonly source: string;
  readonly sequence: number;
  readonly model: string;
  readonly text: string;
  readonly score: number | null;
  readonly finish_reason: FinishReason;
  readonly latency_ms: number;
  readonly completion_tokens: number | null;
  /** The calls this candidate proposes instead of (or besides) its text; absent for a text answer. */
  readonly tool_calls?: readonly { readonly name: string; readonly arguments: string }[];
}

export function candidateToWire(candidate: Candidate): CandidateWire {
  return {
    source: candidate.source,
    sequence: candidate.sequence,
    model: candidate.model,
    text: candidate.text,
    score: candidate.score,
    finish_reason: candidate.finishReason,
    latency_ms: candidate.latencyMs,
    completion_tokens: candidate.completionTokens ?? null,
    ...(candidate.toolCalls !== undefined && candidate.toolCalls.length > 0 && { tool_calls: candidate.toolCalls.map(({ name, arguments: args }) => ({ name, arguments: args })) }),
  };
}
