import type { Candidate } from '@local-swarm/consensus';
import type { FederationClientError } from '@local-swarm/federation-protocol';
import type { CandidateSourceCallOptions } from '@local-swarm/swarm-core';
import type { PeerCallObserver } from '../sources/peer-call-observer';

/** A PeerCallObserver that records what a source reported. */
export interface RecordingObserver extends PeerCallObserver {
  readonly failures: { nodeId: string; error: FederationClientError }[];
  readonly successes: string[];
  readonly violations: { nodeId: string; violation: string }[];
}

export function recordingObserver(): RecordingObserver {
  const failures: { nodeId: string; error: FederationClientError }[] = [];
  const successes: string[] = [];
  const violations: { nodeId: string; violation: string }[] = [];
  return {
    failures,
    successes,
    violations,
    onProtocolViolation: (nodeId, violation) => violations.push({ nodeId, violation }),
    onPeerFailure: (nodeId, error) => failures.push({ nodeId, error }),
    onPeerSuccess: (nodeId) => successes.push(nodeId),
  };
}

/** Options of one source call whose clock reads `elapsedMs`; the candidates it reports land in `seen`. */
export function recordingCall(elapsedMs: number, overrides: Partial<CandidateSourceCallOptions> = {}): CandidateSourceCallOptions & { readonly seen: Candidate[] } {
  const seen: Candidate[] = [];
  return { signal: new AbortController().signal, elapsedMs: () => elapsedMs, onCandidate: (candidate) => seen.push(candidate), seen, ...overrides };
}
