import type { Candidate, StrategyName } from '@local-swarm/consensus';
import { runConsensus, type ConsensusRunOutcome } from '../consensus-runner/consensus-runner';
import type { GenerationRequest } from '../generation/generation-request';
import type { CandidateSource } from '../sources/candidate-source';

/** How a request uses the federation: every node votes, or the least-loaded node answers alone. */
export const FEDERATION_MODES = ['vote', 'balance'] as const;
export type FederationMode = (typeof FEDERATION_MODES)[number];

/** Load figures of a node, local or remote, as balancing compares them. */
export interface NodeLoad {
  readonly busyInstances: number;
  readonly queuedRequests: number;
  readonly capacity: number;
}

/** A healthy peer, ready to produce candidates. */
export interface RemoteParticipant {
  readonly source: CandidateSource;
  /** From its last health reply; null when unknown (e.g. an OpenAI-compatible server): never picked by balance. */
  readonly load: NodeLoad | null;
  /** Requests this node sent it that are still running. */
  readonly inFlight: () => number;
}

/** Whoever knows the peers (discovery, manual list, health checks). */
export interface RemotePeers {
  healthySources(): readonly RemoteParticipant[];
}

/** A node without federation: nobody to ask. */
export const NO_REMOTE_PEERS: RemotePeers = { healthySources: () => [] };

export interface FederationWeights {
  /** weighted_vote weight per source (node id); default 1. */
  readonly sourceWeights?: Readonly<Record<string, number>>;
  /** weighted_vote weight per model id; default 1. */
  readonly modelWeights?: Readonly<Record<string, number>>;
}

/** Who answers one request, and how their votes weigh. */
export interface FederationPlan extends FederationWeights {
  readonly sources: readonly CandidateSource[];
  /** Tried alone when every planned source failed (balance mode: this node). */
  readonly fallback?: CandidateSource;
}

export interface GenerateWithFederationOptions {
  readonly strategy: StrategyName;
  readonly mode: FederationMode;
  readonly signal: AbortSignal;
  readonly onCandidate?: (candidate: Candidate) => void;
  /** See ConsensusRunOptions.earlyExit (default true). */
  readonly earlyExit?: boolean;
}

/** Every candidate and the verdict, or why nobody could answer. */
export type FederationResult = ConsensusRunOutcome;

/** Load of a node as a fraction of its capacity: busy and queued work (and our requests in flight) per instance. */
export function loadScore(load: NodeLoad, inFlight = 0): number {
  return (load.busyInstances + load.queuedRequests + inFlight) / Math.max(1, load.capacity);
}

/**
 * The local swarm plus its healthy peers (the seed's FederatedSwarm). `vote` asks this node and
 * every healthy peer at once and lets the strategy pick among all candidates; `balance` sends the
 * whole request to the least-loaded healthy node (this one on ties) and falls back to this node
 * if that peer fails. With no healthy peer both are "local only", in the same result shape.
 * Peers that fail, stall past their deadline or send garbage just contribute no candidates.
 */
export class FederatedSwarm {
  constructor(
    protected readonly local: CandidateSource & { readonly load: NodeLoad },
    protected readonly peers: RemotePeers = NO_REMOTE_PEERS,
    protected readonly weights: FederationWeights = {},
  ) {}

  plan(mode: FederationMode): FederationPlan {
    const peers = this.peers.healthySources();
    if (mode === 'vote') return { sources: [this.local, ...peers.map((peer) => peer.source)], ...this.weights };

    let best: { score: number; source: CandidateSource } = { score: loadScore(this.local.load), source: this.local };
    for (const peer of peers) {
      if (peer.load === null) continue;
      const score = loadScore(peer.load, peer.inFlight());
      if (score < best.score) best = { score, source: peer.source };
    }
    return best.source === this.local
      ? { sources: [this.local], ...this.weights }
      : { sources: [best.source], fallback: this.local, ...this.weights };
  }

  async generateWithFederation(request: GenerationRequest, options: GenerateWithFederationOptions): Promise<FederationResult> {
    const plan = this.plan(options.mode);
    const runWith = (sources: readonly CandidateSource[]): Promise<ConsensusRunOutcome> =>
      runConsensus(request, sources, {
        strategy: options.strategy,
        signal: options.signal,
        ...(options.onCandidate ? { onCandidate: options.onCandidate } : {}),
        ...(options.earlyExit !== undefined ? { earlyExit: options.earlyExit } : {}),
        ...(plan.sourceWeights ? { sourceWeights: plan.sourceWeights } : {}),
        ...(plan.modelWeights ? { modelWeights: plan.modelWeights } : {}),
      });
    const outcome = await runWith(plan.sources);
    if (outcome.ok || plan.fallback === undefined || options.signal.aborted) return outcome;
    return runWith([plan.fallback]);
  }
}
