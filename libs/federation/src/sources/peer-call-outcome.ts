import type { Candidate } from '@local-swarm/consensus';
import type { FederationClientError } from '@local-swarm/federation-protocol';
import { SwarmErrorCode, type CandidateSourceCallOptions, type SourceOutcome } from '@local-swarm/swarm-core';
import type { PeerCallObserver } from './peer-call-observer';
import { screenPeerCandidates } from './screen-peer-candidates';

/** Who answered a peer call: the source's id (what the observer counts under) and how it is named in messages. */
export interface PeerCallee {
  readonly id: string;
  readonly label: string;
  readonly observer: PeerCallObserver;
}

/**
 * A failed peer call as the vote sees it. A call the request itself cancelled (client left,
 * first_valid winner) is not held against the peer.
 */
export function peerCallFailed(callee: PeerCallee, call: CandidateSourceCallOptions, error: FederationClientError): SourceOutcome {
  if (!call.signal.aborted) callee.observer.onPeerFailure(callee.id, error);
  return { ok: false, failure: { code: SwarmErrorCode.SourceFailed, message: `${callee.label}: ${error.message}` } };
}

/**
 * The candidates of a peer's reply that join the vote: at most `asked` of them and none too long
 * for `maxTokens` (screenPeerCandidates); every violation (those found while mapping the reply,
 * then the screening's) is reported, the kept ones are handed to the call as they would have arrived.
 */
export function deliverPeerCandidates(
  callee: PeerCallee,
  call: CandidateSourceCallOptions,
  received: readonly Candidate[],
  asked: number,
  maxTokens: number,
  mappingViolations: readonly string[] = [],
): readonly Candidate[] {
  const { kept, violations } = screenPeerCandidates(received, asked, maxTokens);
  for (const violation of [...mappingViolations, ...violations]) callee.observer.onProtocolViolation?.(callee.id, violation);
  for (const candidate of kept) call.onCandidate?.(candidate);
  return kept;
}
