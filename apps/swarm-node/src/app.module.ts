import { Module, type DynamicModule } from '@nestjs/common';
import { CoreModule, type CoreModuleOptions } from './core/core.module';
import { DashboardModule, type DashboardModuleOptions } from './dashboard';
import { HealthController } from './health/health.controller';
import { MetricsModule } from './metrics';
import { OpenAiModule } from './openai/openai.module';
import type { FederationOptions } from './peers/federation-options';
import { PeersModule } from './peers/peers.module';

export interface AppModuleOptions extends CoreModuleOptions {
  /** With --federation: discovery, peers and the /v1/federation routes. Null: this node's instances only. */
  readonly federation: FederationOptions | null;
  /** Dashboard tuning (tests shorten the `node` event interval). */
  readonly dashboard?: DashboardModuleOptions;
}

/**
 * The node: CoreModule and PeersModule provide what every feature module injects (the swarm,
 * settings, logger, request events, the FederatedSwarm and the PEER_VIEW), so the feature
 * modules take no options but their own tuning.
 */
@Module({})
export class AppModule {
  static forRoot(options: AppModuleOptions): DynamicModule {
    return AppModule.withPeers(PeersModule.forRoot({ federation: options.federation }), options);
  }

  /**
   * The node over a given peers module: forRoot's, or in specs a global module that provides
   * fake PEER_VIEW and FederatedSwarm (so a spec sees peers without running a federation).
   */
  static withPeers(peers: DynamicModule, options: CoreModuleOptions & Pick<AppModuleOptions, 'dashboard'>): DynamicModule {
    const { swarm, settings, logger, events } = options;
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot({ swarm, settings, logger, events }),
        peers,
        OpenAiModule,
        MetricsModule.forRoot(),
        DashboardModule.forRoot(options.dashboard),
      ],
      controllers: [HealthController],
    };
  }
}
