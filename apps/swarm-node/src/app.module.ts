import { Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import type { Swarm } from '@local-swarm/swarm-core';
import { HealthController } from './health/health.controller';
import { ChatCompletionsController } from './openai/chat-completions.controller';
import { CompletionService } from './openai/completion.service';
import { CompletionsController } from './openai/completions.controller';
import { ModelsController } from './openai/models.controller';
import type pino from 'pino';
import { DashboardModule } from './dashboard';
import { APP_LOGGER, ListenState, LOCAL_SWARM, NODE_SETTINGS, type LocalSwarm, type NodeSettings } from './core/core.tokens';
import { MetricsModule } from './metrics';
import { RequestEvents } from './observability/request-events';
import { CANDIDATE_PLANNER, LocalOnlyPlanner } from './swarm/candidate-planner';
import { NO_PEERS, PEER_COUNTS } from './swarm/peer-counts';

export interface AppModuleOptions {
  /** The loaded swarm: loading happens before Nest starts so the banner can show progress. */
  readonly swarm: Swarm;
  readonly settings: NodeSettings;
  readonly logger: pino.Logger;
  /** Shared with the federation module, so peers' vote failures reach the same subscribers. */
  readonly events: RequestEvents;
  /**
   * Federation (discovery, peers, the /v1/federation routes): a module that provides
   * CANDIDATE_PLANNER and PEER_COUNTS. Without it the node answers with its own instances only.
   */
  readonly federation?: DynamicModule;
  /** Dashboard tuning (tests shorten the `node` event interval). */
  readonly dashboard?: { readonly nodeIntervalMs?: number };
}

/** Frees the model when Nest shuts down (SIGTERM/SIGINT through enableShutdownHooks). */
class SwarmLifecycle implements OnApplicationShutdown {
  constructor(@Inject(LOCAL_SWARM) private readonly swarm: Swarm) {}

  async onApplicationShutdown(): Promise<void> {
    await this.swarm.stop();
  }
}

@Module({})
export class AppModule {
  static forRoot(options: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ...(options.federation ? [options.federation] : []),
        MetricsModule.forRoot({
          events: options.events,
          swarm: options.swarm,
          logger: options.logger,
          ...(options.federation ? { federation: options.federation } : {}),
        }),
        DashboardModule.forRoot({
          swarm: options.swarm,
          settings: options.settings,
          events: options.events,
          ...(options.federation ? { federation: options.federation } : {}),
          ...(options.dashboard?.nodeIntervalMs !== undefined ? { nodeIntervalMs: options.dashboard.nodeIntervalMs } : {}),
        }),
      ],
      exports: [RequestEvents],
      controllers: [ChatCompletionsController, CompletionsController, ModelsController, HealthController],
      providers: [
        { provide: LOCAL_SWARM, useValue: options.swarm },
        { provide: NODE_SETTINGS, useValue: options.settings },
        { provide: APP_LOGGER, useValue: options.logger },
        ListenState,
        { provide: RequestEvents, useValue: options.events },
        ...(options.federation
          ? []
          : [
              { provide: CANDIDATE_PLANNER, useFactory: (swarm: LocalSwarm) => new LocalOnlyPlanner(swarm), inject: [LOCAL_SWARM] },
              { provide: PEER_COUNTS, useValue: NO_PEERS },
            ]),
        CompletionService,
        SwarmLifecycle,
      ],
    };
  }
}
