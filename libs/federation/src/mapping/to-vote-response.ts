import type { Candidate } from '@local-swarm/consensus';
import { asModelId, asPeerId, type VoteResponse } from '@local-swarm/federation-protocol';
import type { GenerationUsage } from '@local-swarm/swarm-core';

/** What this node generated for a peer's vote request. */
export interface GeneratedVotes {
  readonly candidates: readonly Candidate[];
  readonly usage: GenerationUsage;
}

/** This node's reply to a vote request: each candidate a vote signed with this node's id. */
export function toVoteResponse(generated: GeneratedVotes, nodeId: string, modelId: string): Omit<VoteResponse, 'protocol'> {
  const node = asPeerId(nodeId);
  return {
    nodeId: node,
    modelId: asModelId(modelId),
    votes: generated.candidates.map((candidate) => ({
      text: candidate.text,
      score: candidate.score,
      finishReason: candidate.finishReason,
      completionTokens: candidate.completionTokens ?? 0,
      latencyMs: candidate.latencyMs,
      nodeId: node,
      modelId: asModelId(candidate.model),
      sequence: candidate.sequence,
      ...(candidate.toolCalls !== undefined && candidate.toolCalls.length > 0 ? { toolCalls: candidate.toolCalls } : {}),
      ...(candidate.logprobs !== undefined ? { logprobs: candidate.logprobs } : {}),
    })),
    usage: generated.usage,
  };
}
