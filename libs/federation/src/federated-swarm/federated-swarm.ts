import type { Candidate, StrategyName } from '@local-swarm/consensus';
import { runConsensus, type CandidateSource, type ConsensusRunOutcome, type GenerationRequest, type SemanticGroupingRequest } from '@local-swarm/swarm-core';
import { judgeFor } from '../judge/judge-for';
import type { SourceWeightLearning } from '../learned-weights/source-weight-learning';
import type { SourceWeightsMode } from '../learned-weights/source-weights-mode';
import type { FederationMode } from './federation-mode';
import { cappedPeerLoad } from './capped-peer-load';
import { loadScore } from './load-score';
import type { NodeLoad } from './node-load';
import { NO_REMOTE_PEERS, type RemotePeers } from './remote-peers';
import { startedAfterPeers } from './started-after-peers';
import { VotePace } from './vote-pace';

export interface FederationWeights {
  /** weighted_vote weight per source (node id); default 1. */
  readonly sourceWeights?: Readonly<Record<string, number>>;
  /** weighted_vote weight per model id; default 1. */
  readonly modelWeights?: Readonly<Record<string, number>>;
  /** Learns from every weighted_vote verdict; its weights replace sourceWeights when a vote asks for `auto`. */
  readonly learned?: SourceWeightLearning;
}

/** How this node's votes group candidates, beyond their canonical forms. */
export interface FederationGrouping {
  /** Grouping by meaning (embeddings and a cosine threshold); absent: off. */
  readonly semantic?: SemanticGroupingRequest;
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
  /** weighted_vote's source weights: `configured` (default) or `auto`, learned from agreement. */
  readonly weights?: SourceWeightsMode;
}

/** Every candidate and the verdict, or why nobody could answer. */
export type FederationResult = ConsensusRunOutcome;

/**
 * The local swarm plus its healthy peers: who generates a request, and how. `vote` asks this node
 * and every healthy peer at once and lets the strategy pick among all candidates; `balance` sends the
 * whole request to the least-loaded healthy node (this one on ties) and falls back to this node
 * if that peer fails. With no healthy peer both are "local only", in the same result shape.
 * Peers that fail, stall past their deadline or send garbage just contribute no candidates.
 * Balance believes a peer's load only so far: its capacity is capped (cappedPeerLoad), and a peer
 * measured far slower than this node (VotePace) is never preferred.
 */
export class FederatedSwarm {
  readonly #pace = new VotePace();

  constructor(
    protected readonly local: CandidateSource & { readonly load: NodeLoad },
    protected readonly peers: RemotePeers = NO_REMOTE_PEERS,
    protected readonly weights: FederationWeights = {},
    protected readonly grouping: FederationGrouping = {},
    /** judge / judge_merge: node id of the peer that judges (this node when it fails); null: this node. */
    protected readonly judgePeer: string | null = null,
  ) {}

  plan(mode: FederationMode): FederationPlan {
    const peers = this.peers.healthySources();
    if (mode === 'vote') return { sources: [this.local, ...peers.map((peer) => peer.source)], ...this.weights };

    let best: { score: number; source: CandidateSource } = { score: loadScore(this.local.load), source: this.local };
    for (const peer of peers) {
      if (peer.load === null || this.#pace.contradicts(peer.nodeId, this.local.id)) continue;
      const score = loadScore(cappedPeerLoad(peer.load, peer.instances ?? null), peer.inFlight());
      if (score < best.score) best = { score, source: peer.source };
    }
    return best.source === this.local
      ? { sources: [this.local], ...this.weights }
      : { sources: [best.source], fallback: this.local, ...this.weights };
  }

  async generateWithFederation(request: GenerationRequest, options: GenerateWithFederationOptions): Promise<FederationResult> {
    const plan = this.plan(options.mode);
    const learned = this.weights.learned;
    const runWith = (sources: readonly CandidateSource[]): Promise<ConsensusRunOutcome> =>
      runConsensus(request, sources, {
        strategy: options.strategy,
        signal: options.signal,
        ...(options.onCandidate ? { onCandidate: options.onCandidate } : {}),
        ...(options.earlyExit !== undefined ? { earlyExit: options.earlyExit } : {}),
        judge: judgeFor(this.local, this.peers, this.judgePeer),
        ...sourceWeightsOf(plan, sources, options.weights === 'auto' && options.strategy === 'weighted_vote' ? learned : undefined),
        ...(plan.modelWeights ? { modelWeights: plan.modelWeights } : {}),
        ...(this.grouping.semantic ? { semantic: this.grouping.semantic } : {}),
      });
    const outcome = await runWith(plan.sources.length > 1 ? plan.sources.map((source) => (source === this.local ? startedAfterPeers(source) : source)) : plan.sources);
    this.#measurePace(outcome);
    if (outcome.ok || plan.fallback === undefined || options.signal.aborted) return this.#learnFrom(outcome, options.strategy);
    const fallback = await runWith([plan.fallback]);
    this.#measurePace(fallback);
    return this.#learnFrom(fallback, options.strategy);
  }

  #measurePace(outcome: ConsensusRunOutcome): void {
    if (outcome.ok) for (const candidate of outcome.run.candidates) this.#pace.record(candidate);
  }

  /** Every weighted_vote verdict is learned from, asked for `auto` or not, so the weights are ready when it is. */
  #learnFrom(outcome: ConsensusRunOutcome, strategy: StrategyName): ConsensusRunOutcome {
    if (outcome.ok && strategy === 'weighted_vote') this.weights.learned?.record(outcome.run.verdict);
    return outcome;
  }
}

/** The vote's source weights: learned ones (configured, else 1, for sources not learned yet) when given, else the configured ones. */
function sourceWeightsOf(plan: FederationWeights, sources: readonly CandidateSource[], learned: SourceWeightLearning | undefined): { sourceWeights?: Readonly<Record<string, number>> } {
  if (learned !== undefined) return { sourceWeights: learned.weightsFor(sources.map((source) => source.id), plan.sourceWeights) };
  return plan.sourceWeights ? { sourceWeights: plan.sourceWeights } : {};
}
