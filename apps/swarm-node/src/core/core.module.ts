import { Global, Module, type DynamicModule, type OnApplicationShutdown, Inject } from '@nestjs/common';
import type pino from 'pino';
import { RequestEvents } from '../observability/request-events';
import { APP_LOGGER, ListenState, LOCAL_SWARM, NODE_SETTINGS, type LocalSwarm, type NodeSettings } from './core.tokens';

export interface CoreModuleOptions {
  /** The loaded swarm: loading happens before Nest starts so the banner can show progress. */
  readonly swarm: LocalSwarm & { stop(): Promise<void> };
  readonly settings: NodeSettings;
  readonly logger: pino.Logger;
  /** One event bus for the completion path, peers' vote failures, metrics and the dashboard. */
  readonly events: RequestEvents;
}

/** Frees the model when Nest shuts down (SIGTERM/SIGINT through enableShutdownHooks). */
class SwarmLifecycle implements OnApplicationShutdown {
  constructor(@Inject(LOCAL_SWARM) private readonly swarm: CoreModuleOptions['swarm']) {}

  async onApplicationShutdown(): Promise<void> {
    await this.swarm.stop();
  }
}

/**
 * What every module of the node shares, provided once for all of them: the local swarm, the
 * settings, the logger, the request events and where the API listens. Global, so feature modules
 * inject these without threading them through their own `forRoot()`.
 */
@Global()
@Module({})
export class CoreModule {
  static forRoot(options: CoreModuleOptions): DynamicModule {
    return {
      module: CoreModule,
      providers: [
        { provide: LOCAL_SWARM, useValue: options.swarm },
        { provide: NODE_SETTINGS, useValue: options.settings },
        { provide: APP_LOGGER, useValue: options.logger },
        { provide: RequestEvents, useValue: options.events },
        ListenState,
        SwarmLifecycle,
      ],
      exports: [LOCAL_SWARM, NODE_SETTINGS, APP_LOGGER, RequestEvents, ListenState],
    };
  }
}
