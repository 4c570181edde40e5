import { Inject, Injectable } from '@nestjs/common';
import type { CandidatePlan, CandidatePlanner, FederationMode } from '../swarm/candidate-planner';
import { LOCAL_SWARM, type LocalSwarm } from '../swarm/swarm.tokens';
import { FEDERATION_OPTIONS, type FederationOptions } from './federation.tokens';
import { PeerDirectory } from './peer-directory';

/** Load of a node as a fraction of its capacity: busy and queued work per instance. */
export function loadScore(load: { busyInstances: number; queuedRequests: number; capacity: number }, inFlight = 0): number {
  return (load.busyInstances + load.queuedRequests + inFlight) / Math.max(1, load.capacity);
}

/**
 * With federation on: `vote` asks this node and every healthy peer at once; `balance` sends
 * the whole request to the least-loaded healthy node (this one on ties), falling back to this
 * node if that peer fails. With no healthy peer both are "local only", in the same shape.
 */
@Injectable()
export class FederatedPlanner implements CandidatePlanner {
  constructor(
    @Inject(LOCAL_SWARM) private readonly swarm: LocalSwarm,
    @Inject(FEDERATION_OPTIONS) private readonly options: FederationOptions,
    private readonly peers: PeerDirectory,
  ) {}

  plan(mode: FederationMode): CandidatePlan {
    const weights = {
      sourceWeights: this.options.config.weights.peers,
      modelWeights: this.options.config.weights.models,
    };
    const peers = this.peers.healthySources();
    if (mode === 'vote') return { sources: [this.swarm, ...peers.map((peer) => peer.source)], ...weights };

    let best: { score: number; source: CandidatePlan['sources'][number] } = {
      score: loadScore(this.swarm.load),
      source: this.swarm,
    };
    for (const peer of peers) {
      if (peer.load === null) continue;
      const score = loadScore(peer.load, peer.inFlight());
      if (score < best.score) best = { score, source: peer.source };
    }
    return best.source === this.swarm ? { sources: [this.swarm], ...weights } : { sources: [best.source], fallback: this.swarm, ...weights };
  }
}
