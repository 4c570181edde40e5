import type { FederationClientError, VoteCallTiming } from '@local-swarm/federation-protocol';

/** What a peer source reports back about each call, so the registry can count failures. */
export interface PeerCallObserver {
  onPeerFailure(nodeId: string, error: FederationClientError): void;
  onPeerSuccess(nodeId: string): void;
  /**
   * The peer's reply broke the protocol (extra or invalid candidates); repeated, it gets the peer
   * quarantined. Optional: an observer that only counts failures may leave it out.
   */
  onProtocolViolation?(nodeId: string, violation: string): void;
  /**
   * Where an answered vote's time went on this side (the client's phases, then `screen`), under
   * the request's id. Optional: absent, the source does not time its calls at all.
   */
  readonly onVoteTiming?: ((nodeId: string, requestId: string, timing: VoteCallTiming) => void) | undefined;
}
