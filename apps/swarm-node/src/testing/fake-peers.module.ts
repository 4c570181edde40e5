import { FederatedSwarm } from '@local-swarm/federation';
import { Global, Module, type DynamicModule } from '@nestjs/common';
import { LOCAL_SWARM, type LocalSwarm } from '../core/core.tokens';
import { PEER_VIEW, type PeerView } from '../peers/peers.tokens';

/**
 * Stands in for PeersModule in specs (`AppModule.withPeers`): a PEER_VIEW the spec controls, and
 * a FederatedSwarm over the local swarm alone, so a spec shows peers without running a federation.
 */
@Global()
@Module({})
export class FakePeersModule {
  /** `view` is called once per app: Nest builds the PEER_VIEW once for every module. */
  static forRoot(view: () => PeerView): DynamicModule {
    return {
      module: FakePeersModule,
      providers: [
        { provide: PEER_VIEW, useFactory: view },
        { provide: FederatedSwarm, useFactory: (swarm: LocalSwarm) => new FederatedSwarm(swarm), inject: [LOCAL_SWARM] },
      ],
      exports: [PEER_VIEW, FederatedSwarm],
    };
  }
}
