import type { Candidate } from '@local-swarm/consensus';
import type { FederationClient, VoteCallTiming } from '@local-swarm/federation-protocol';
import { SwarmErrorCode, type CandidateSource, type CandidateSourceCallOptions, type GenerationRequest, type SourceOutcome } from '@local-swarm/swarm-core';
import { logitBiasExclusion } from '../mapping/logit-bias-exclusion';
import { screenReplyCandidates } from '../mapping/screen-reply-candidates';
import { toVoteRequest } from '../mapping/to-vote-request';
import type { PeerCallObserver } from './peer-call-observer';
import { misnamedVotes } from './misnamed-votes';
import { deliverPeerCandidates, peerCallFailed } from './peer-call-outcome';
import { candidatesToAsk } from './screen-peer-candidates';

/** What the source knows of its peer from the registry (its last health reply), read at each call. */
export interface PeerFacts {
  readonly instances: number | null;
  readonly modelSha256: string | null;
}

export const UNKNOWN_PEER: PeerFacts = { instances: null, modelSha256: null };

/**
 * A federation peer as a candidate source: the request goes to its `/v1/federation/vote`, its
 * votes come back as candidates named by its node id (the signer's when sealed), whatever node id
 * each vote claims; a vote claiming another is a protocol violation. A peer that fails, stalls past the deadline
 * or sends garbage yields no candidates for this request: the vote goes on without it.
 *
 * The peer is asked for a fixed number of candidates, its advertised instance count (at most
 * MAX_CANDIDATES_PER_PEER); anything beyond that, and any text too long for the request, is dropped
 * and reported to the observer as a protocol violation, as is a vote whose tool calls or logprobs
 * do not answer the request (screenReplyCandidates). A request with a logit bias is not sent to a
 * peer whose model file is not known to be this node's (logitBiasExclusion).
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
    private readonly peer: () => PeerFacts = () => UNKNOWN_PEER,
    /** sha256 of this node's own model file, null while unknown. */
    private readonly localModelSha256: () => string | null = () => null,
  ) {}

  get inFlight(): number {
    return this.inFlightCount;
  }

  async generate(request: GenerationRequest, call: CandidateSourceCallOptions): Promise<SourceOutcome> {
    const facts = this.peer();
    const excluded = logitBiasExclusion(request, facts.modelSha256, this.localModelSha256());
    // Not the peer's failure: nothing is reported against it.
    if (excluded !== null) return { ok: false, failure: { code: SwarmErrorCode.SourceFailed, message: `peer ${this.id}: ${excluded}` } };
    const asked = candidatesToAsk(facts.instances);
    this.inFlightCount += 1;
    const voteRequest = { ...toVoteRequest(request, this.originNodeId), candidates: asked };
    const timed: { timing?: VoteCallTiming } = {};
    // Timed only for an observer that reads it: a few clock reads saved per vote otherwise.
    const onTiming = this.observer.onVoteTiming === undefined ? undefined : (timing: VoteCallTiming): void => void (timed.timing = timing);
    const result = await this.client
      .requestVote(voteRequest, { signal: call.signal, deadlineMs: this.deadlineMs, ...(onTiming !== undefined && { onTiming }) })
      .finally(() => (this.inFlightCount -= 1));
    const screenStarted = performance.now();
    const callee = { id: this.id, label: `peer ${this.id}`, observer: this.observer };
    if (!result.ok) return peerCallFailed(callee, call, result.error);
    this.observer.onPeerSuccess(this.id);
    const latencyMs = call.elapsedMs();
    // A sealed reply's node id is its signer's (the client refuses any other); an open peer proves
    // nothing, so its votes are the registered peer's.
    const owner = this.client.sealed ? result.value.nodeId : this.id;
    const misnamed = misnamedVotes(result.value.votes, owner);
    const received = result.value.votes.map(
      (vote, index): Candidate => ({
        text: vote.text,
        score: vote.score,
        // Whatever node id each vote claims, so a peer can't vote as (or show the id of) another.
        source: owner,
        sequence: index,
        model: vote.modelId,
        // The model file the peer's health reply named: same model name, other file is not the same model.
        ...(facts.modelSha256 !== null ? { modelHash: facts.modelSha256 } : {}),
        finishReason: vote.finishReason,
        latencyMs,
        completionTokens: vote.completionTokens,
        ...(vote.toolCalls !== undefined ? { toolCalls: vote.toolCalls } : {}),
        ...(vote.logprobs !== undefined ? { logprobs: vote.logprobs } : {}),
      }),
    );
    const screened = screenReplyCandidates(received, request);
    const violations = [...(misnamed === null ? [] : [misnamed]), ...screened.violations];
    const candidates = deliverPeerCandidates(callee, call, screened.kept, asked, request.maxTokens, violations);
    if (timed.timing !== undefined) this.#reportTiming(voteRequest.requestId, timed.timing, performance.now() - screenStarted);
    return {
      ok: true,
      candidates,
      usage: { promptTokens: result.value.usage.promptTokens, completionTokens: result.value.usage.completionTokens },
    };
  }

  /** The client's phases and this source's own: its candidates mapped, screened and delivered. */
  #reportTiming(requestId: string, timing: VoteCallTiming, screenMs: number): void {
    const phases = { ...timing.phases, screen: Math.round(screenMs * 100) / 100 };
    this.observer.onVoteTiming?.(this.id, requestId, { ...timing, phases });
  }
}
