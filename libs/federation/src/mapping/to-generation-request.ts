import type { ReceivedVoteRequest } from '@local-swarm/federation-protocol';
import type { GenerationRequest } from '@local-swarm/swarm-core';
import { nodeSeed } from './node-seed';
import { samplingFields } from './sampling-fields';

/** What this node generates for a peer's vote request, with its `instances` and its own `nodeId`. */
export function toGenerationRequest(request: ReceivedVoteRequest, instances: number, nodeId: string): GenerationRequest {
  return {
    prompt: request.prompt,
    maxTokens: request.maxTokens,
    // A peer asks for at most what this node has; by default all of its instances vote.
    candidates: Math.min(request.candidates ?? instances, instances),
    requestId: request.requestId,
    ...samplingFields(request),
    ...(request.seed !== undefined ? { seed: nodeSeed(request.seed, nodeId) } : {}),
  };
}
