import type { Candidate } from '@local-swarm/consensus';
import type { FederationClient } from '@local-swarm/federation-protocol';
import {
  SwarmErrorCode,
  type CandidateSource,
  type CandidateSourceCallOptions,
  type GenerationRequest,
  type SourceOutcome,
} from '@local-swarm/swarm-core';
import { toVoteRequest } from '../mapping/to-vote-request';
import { maxCandidateChars } from './max-candidate-chars';
import type { PeerCallObserver } from './peer-call-observer';

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
    )
      // Sequence numbers stay the reply's positions; over-long texts are not answers.
      .filter((candidate) => candidate.text.length <= maxCandidateChars(request.maxTokens));
    for (const candidate of candidates) call.onCandidate?.(candidate);
    return {
      ok: true,
      candidates,
      usage: { promptTokens: result.value.usage.promptTokens, completionTokens: result.value.usage.completionTokens },
    };
  }
}
