import { FederatedSwarm, PeerDirectory, type PersistedLearnedWeights } from '@local-swarm/federation';
import { Global, Module, type DynamicModule, type Provider } from '@nestjs/common';
import type pino from 'pino';
import { APP_LOGGER, LOCAL_SWARM, NODE_SETTINGS, type LocalSwarm, type NodeSettings } from '../core/core.tokens';
import { RequestEvents } from '../observability/request-events';
import { createPeerDirectory } from './create-peer-directory';
import { DiscoveryService } from './discovery.service';
import { FEDERATION_OPTIONS, type FederationOptions } from './federation-options';
import { groupingOf } from './grouping-of';
import { LearnedWeightsLifecycle, learnedWeightsProvider } from './learned-weights.provider';
import { FederationController } from './federation.controller';
import { PeerDirectoryLifecycle } from './peer-directory-lifecycle';
import { NO_PEER_VIEW, peerViewOf } from './peer-view';
import { LEARNED_WEIGHTS, PEER_VIEW } from './peers.tokens';
import { VoteService } from './vote.service';

export interface PeersModuleOptions {
  /** Federation on (discovery, peers, the /v1/federation routes) or off (null: this node alone). */
  readonly federation: FederationOptions | null;
}

/**
 * Who answers a request besides this node. Decides federation on or off once: either way it
 * provides the node's FederatedSwarm (the class is the token) and the PEER_VIEW; with federation
 * on, also the peer directory with its health checks, mDNS discovery and the /v1/federation routes.
 */
@Global()
@Module({})
export class PeersModule {
  static forRoot(options: PeersModuleOptions): DynamicModule {
    const exports = [FederatedSwarm, PEER_VIEW, LEARNED_WEIGHTS];
    if (options.federation === null) {
      return {
        module: PeersModule,
        providers: [
          learnedWeightsProvider(null),
          LearnedWeightsLifecycle,
          {
            provide: FederatedSwarm,
            useFactory: (swarm: LocalSwarm, settings: NodeSettings, logger: pino.Logger, learned: PersistedLearnedWeights) =>
              new FederatedSwarm(swarm, undefined, { learned }, groupingOf(settings, swarm, logger)),
            inject: [LOCAL_SWARM, NODE_SETTINGS, APP_LOGGER, LEARNED_WEIGHTS],
          },
          { provide: PEER_VIEW, useValue: NO_PEER_VIEW },
        ],
        exports,
      };
    }
    const { weights } = options.federation.config;
    const providers: Provider[] = [
      { provide: FEDERATION_OPTIONS, useValue: options.federation },
      {
        provide: PeerDirectory,
        useFactory: (federation: FederationOptions, logger: pino.Logger, events: RequestEvents, swarm: LocalSwarm) =>
          createPeerDirectory(federation, logger, events, () => swarm.info),
        inject: [FEDERATION_OPTIONS, APP_LOGGER, RequestEvents, LOCAL_SWARM],
      },
      learnedWeightsProvider({ inject: PeerDirectory, paired: options.federation.membership !== null }),
      LearnedWeightsLifecycle,
      {
        provide: FederatedSwarm,
        useFactory: (swarm: LocalSwarm, directory: PeerDirectory, settings: NodeSettings, logger: pino.Logger, learned: PersistedLearnedWeights) =>
          new FederatedSwarm(
            swarm,
            directory,
            { sourceWeights: weights.peers, modelWeights: weights.models, learned },
            groupingOf(settings, swarm, logger),
            options.federation?.config.judgePeer ?? null,
          ),
        inject: [LOCAL_SWARM, PeerDirectory, NODE_SETTINGS, APP_LOGGER, LEARNED_WEIGHTS],
      },
      { provide: PEER_VIEW, useFactory: peerViewOf, inject: [PeerDirectory] },
      PeerDirectoryLifecycle,
      DiscoveryService,
      VoteService,
    ];
    // FEDERATION_OPTIONS too: the dashboard's join command reads the swarm membership from it.
    return { module: PeersModule, controllers: [FederationController], providers, exports: [...exports, FEDERATION_OPTIONS] };
  }
}
