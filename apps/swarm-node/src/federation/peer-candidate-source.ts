import type { Candidate } from '@local-swarm/consensus';
import {
  asPeerId,
  type FederationClient,
  type FederationClientError,
  type VoteRequest,
} from '@local-swarm/federation-protocol';
import {
  SwarmErrorCode,
  type CandidateSource,
  type CandidateSourceCallOptions,
  type GenerationRequest,
  type SourceOutcome,
} from '@local-swarm/swarm-core';
import { randomUUID } from 'node:crypto';

/** What a peer source reports back about each call, so the registry can count failures. */
export interface PeerCallObserver {
  onPeerFailure(nodeId: string, error: FederationClientError): void;
  onPeerSuccess(nodeId: string): void;
}

/**
 * A federation peer as a candidate source: the request goes to its `/v1/federation/vote`, its
 * votes come back as candidates named by its node id. A peer that fails, stalls past the deadline
 * or sends garbage yields no candidates for this request: the vote goes on without it.
 */
export class PeerCandidateSource implements CandidateSource {
  /** Requests this node has sent the peer and not yet heard back about (for balancing). */
  private inFlightCount = 0;

  constructor(
    readonly id: string,
    private readonly client: FederationClient,
    private readonly originNodeId: string,
    private readonly deadlineMs: number,
    private readonly observer: PeerCallObserver,
  ) {}

  get inFlight(): number {
    return this.inFlightCount;
  }

  async generate(request: GenerationRequest, call: CandidateSourceCallOptions): Promise<SourceOutcome> {
    this.inFlightCount += 1;
    const result = await this.client
      .requestVote(toVoteRequest(request, this.originNodeId), { signal: call.signal, deadlineMs: this.deadlineMs })
      .finally(() => (this.inFlightCount -= 1));
    if (!result.ok) {
      // A vote the request itself cancelled (client left, first_valid winner) is no peer failure.
      if (!call.signal.aborted) this.observer.onPeerFailure(this.id, result.error);
      return {
        ok: false,
        failure: { code: SwarmErrorCode.SourceFailed, message: `peer ${this.id}: ${result.error.message}` },
      };
    }
    this.observer.onPeerSuccess(this.id);
    const latencyMs = call.elapsedMs();
    const candidates = result.value.votes.map(
      (vote, index): Candidate => ({
        text: vote.text,
        score: vote.score,
        // Name the source by the peer we asked, whatever the reply claims, so a peer can't vote as another.
        source: this.id,
        sequence: index,
        model: vote.modelId,
        finishReason: vote.finishReason,
        latencyMs,
        completionTokens: vote.completionTokens,
      }),
    );
    for (const candidate of candidates) call.onCandidate?.(candidate);
    return {
      ok: true,
      candidates,
      usage: { promptTokens: result.value.usage.promptTokens, completionTokens: result.value.usage.completionTokens },
    };
  }
}

export function toVoteRequest(request: GenerationRequest, originNodeId: string): VoteRequest {
  return {
    requestId: request.requestId ?? randomUUID(),
    originNodeId: asPeerId(originNodeId),
    // A vote request is served by the receiving node alone and never forwarded (hop limit 1).
    hops: 1,
    prompt: request.prompt,
    maxTokens: request.maxTokens,
    ...(request.temperature !== undefined ? { temperature: request.temperature } : {}),
    ...(request.topP !== undefined ? { topP: request.topP } : {}),
    ...(request.seed !== undefined ? { seed: request.seed } : {}),
    ...(request.stop !== undefined ? { stop: request.stop } : {}),
    ...(request.json === true ? { json: true } : {}),
  };
}
