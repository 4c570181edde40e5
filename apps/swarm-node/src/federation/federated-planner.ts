import { FederatedSwarm } from '@local-swarm/swarm-core';
import { Inject, Injectable } from '@nestjs/common';
import { LOCAL_SWARM, type LocalSwarm } from '../core/core.tokens';
import { FEDERATION_OPTIONS, type FederationOptions } from './federation.tokens';
import { PeerDirectory } from './peer-directory';

export { loadScore } from '@local-swarm/swarm-core';

/**
 * The node's FederatedSwarm with federation on: this node plus the directory's healthy peers,
 * weighted as the config says (federation.weights).
 */
@Injectable()
export class FederatedPlanner extends FederatedSwarm {
  constructor(
    @Inject(LOCAL_SWARM) swarm: LocalSwarm,
    @Inject(FEDERATION_OPTIONS) options: FederationOptions,
    peers: PeerDirectory,
  ) {
    super(swarm, peers, { sourceWeights: options.config.weights.peers, modelWeights: options.config.weights.models });
  }
}
