import { asPeerId, type VoteRequest } from '@local-swarm/federation-protocol';
import type { GenerationRequest } from '@local-swarm/swarm-core';
import { randomUUID } from 'node:crypto';
import { samplingFields } from './sampling-fields';

/** What this node asks a peer for one of its requests. */
export function toVoteRequest(request: GenerationRequest, originNodeId: string): VoteRequest {
  return {
    requestId: request.requestId ?? randomUUID(),
    originNodeId: asPeerId(originNodeId),
    // A vote request is served by the receiving node alone and never forwarded (hop limit 1).
    hops: 1,
    prompt: request.prompt,
    maxTokens: request.maxTokens,
    ...samplingFields(request),
  };
}
