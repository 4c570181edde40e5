import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { join } from 'node:path';
import { PeerDirectory } from '../federation/peer-directory';
import type { RequestEvents } from '../observability/request-events';
import type { LocalSwarm, NodeSettings } from '../core/core.tokens';
import { DashboardHub } from './dashboard-hub';
import { DashboardPage } from './dashboard-page';
import { peerSourceOf } from './dashboard-peers';
import { DashboardController } from './dashboard.controller';
import { DASHBOARD_OPTIONS, DASHBOARD_PEERS, type DashboardOptions } from './dashboard.tokens';
import { NodeFactsReader } from './node-facts';
import { DEFAULT_RECENT_ANSWERS } from './recent-answers';

/** `apps/swarm-node/public`, from src/dashboard (ts-jest) and dist/dashboard (built) alike. */
export const DEFAULT_PUBLIC_DIR = join(__dirname, '..', '..', 'public');

export interface DashboardModuleOptions {
  readonly swarm: LocalSwarm;
  readonly settings: NodeSettings;
  /** The same RequestEvents the completion path emits on. */
  readonly events: RequestEvents;
  /**
   * With --federation: the very module object AppModule imports (FederationModule.forRoot(...)),
   * which exports PeerDirectory. Nest keys dynamic modules by reference, so importing it here too
   * adds no second directory. Default: none — federation off, the page says so and lists no peers.
   */
  readonly federation?: DynamicModule;
  /** Finished requests kept for the page. Default 20. */
  readonly recentAnswers?: number;
  /** How often open streams get the `node` event, ms. Default 2000. */
  readonly nodeIntervalMs?: number;
  /** Folder with index.html and assets/. Default apps/swarm-node/public. */
  readonly publicDir?: string;
}

/**
 * The peer dashboard (issue 4): the page at `/`, `/assets/*`, `GET /v1/dashboard/state` and the
 * `GET /v1/dashboard/events` stream. Works with federation on and off.
 */
@Module({})
export class DashboardModule {
  static forRoot(options: DashboardModuleOptions): DynamicModule {
    const resolved: DashboardOptions = {
      swarm: options.swarm,
      settings: options.settings,
      events: options.events,
      federation: options.federation !== undefined,
      recentAnswers: options.recentAnswers ?? DEFAULT_RECENT_ANSWERS,
      nodeIntervalMs: options.nodeIntervalMs ?? 2000,
      publicDir: options.publicDir ?? DEFAULT_PUBLIC_DIR,
    };
    const peers: Provider =
      options.federation === undefined
        ? { provide: DASHBOARD_PEERS, useValue: null }
        : { provide: DASHBOARD_PEERS, useFactory: (directory: PeerDirectory) => peerSourceOf(directory), inject: [PeerDirectory] };
    return {
      module: DashboardModule,
      imports: options.federation === undefined ? [] : [options.federation],
      controllers: [DashboardController],
      providers: [{ provide: DASHBOARD_OPTIONS, useValue: resolved }, peers, NodeFactsReader, DashboardHub, DashboardPage],
      exports: [DashboardHub],
    };
  }
}
