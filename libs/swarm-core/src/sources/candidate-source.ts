import type { Candidate } from '@local-swarm/consensus';
import type { SwarmFailure } from '../errors/swarm-errors';
import type { GenerationRequest, GenerationUsage } from '../generation/generation-request';

/**
 * Anything that can propose candidates for a request: this node's own swarm, or (through the
 * federation client the app plugs in) a peer node or an OpenAI-compatible server. The consensus
 * runner only sees this interface, so remote candidates join without changing `Swarm`.
 */
export interface CandidateSource {
  /** Stable id that candidates carry as `source` (a node id for peers, "local" for this node). */
  readonly id: string;
  generate(request: GenerationRequest, options: CandidateSourceCallOptions): Promise<SourceOutcome>;
  /**
   * The most candidates this source sends for `request`, when it knows. A majority vote may be
   * called before every source is done only when each unfinished one says so; sources without
   * it (peers, whose nodes choose their own count) are waited for.
   */
  expectedCandidates?(request: GenerationRequest): number;
}

export interface CandidateSourceCallOptions {
  /** Aborts generation: the client left, the deadline passed, or first_valid found a winner. */
  readonly signal: AbortSignal;
  /** Called as each candidate completes, before the whole source is done. */
  readonly onCandidate?: (candidate: Candidate) => void;
  /** Milliseconds since the request started, so candidates from all sources share one clock. */
  readonly elapsedMs: () => number;
}

export type SourceOutcome =
  | { readonly ok: true; readonly candidates: readonly Candidate[]; readonly usage: GenerationUsage }
  | { readonly ok: false; readonly failure: SwarmFailure };
