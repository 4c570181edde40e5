import { Module, type DynamicModule } from '@nestjs/common';
import type pino from 'pino';
import { APP_LOGGER, LOCAL_SWARM, NODE_SETTINGS, type LocalSwarm, type NodeSettings } from '../core/core.tokens';
import { RequestEvents } from '../observability/request-events';
import { CANDIDATE_PLANNER } from '../swarm/candidate-planner';
import { PEER_COUNTS } from '../swarm/peer-counts';
import { DiscoveryService } from './discovery.service';
import { FederatedPlanner } from './federated-planner';
import { FederationController } from './federation.controller';
import { FEDERATION_OPTIONS, type FederationOptions } from './federation.tokens';
import { PeerDirectory } from './peer-directory';

export interface FederationModuleOptions extends FederationOptions {
  readonly swarm: LocalSwarm;
  readonly settings: NodeSettings;
  readonly logger: pino.Logger;
  readonly events: RequestEvents;
}

/**
 * The federation: discovery, the peer directory with its health checks, the planner that fans
 * requests out to peers (or balances them), and the /v1/federation routes.
 */
@Module({})
export class FederationModule {
  static forRoot(options: FederationModuleOptions): DynamicModule {
    const { swarm, settings, logger, events, ...federation } = options;
    return {
      module: FederationModule,
      controllers: [FederationController],
      providers: [
        { provide: FEDERATION_OPTIONS, useValue: federation },
        { provide: LOCAL_SWARM, useValue: swarm },
        { provide: NODE_SETTINGS, useValue: settings },
        { provide: APP_LOGGER, useValue: logger },
        { provide: RequestEvents, useValue: events },
        PeerDirectory,
        DiscoveryService,
        { provide: CANDIDATE_PLANNER, useClass: FederatedPlanner },
        { provide: PEER_COUNTS, useExisting: PeerDirectory },
      ],
      exports: [CANDIDATE_PLANNER, PEER_COUNTS, PeerDirectory, DiscoveryService],
    };
  }
}
