import { Module, type DynamicModule } from '@nestjs/common';
import { join } from 'node:path';
import { JoinCommandController } from '../pairing/join-command.controller';
import { DashboardHub } from './dashboard-hub';
import { DashboardPage } from './dashboard-page';
import { SSE_HEARTBEAT_MS } from './dashboard-sse';
import { DashboardController } from './dashboard.controller';
import { DASHBOARD_OPTIONS, type DashboardOptions } from './dashboard.tokens';
import { NodeFactsReader } from './node-facts';
import { DEFAULT_RECENT_ANSWERS } from './recent-answers';

/** `apps/swarm-node/public`, from src/dashboard (ts-jest) and dist/dashboard (built) alike. */
export const DEFAULT_PUBLIC_DIR = join(__dirname, '..', '..', 'public');

/** How often open streams get the `node` event by default, ms. */
const DEFAULT_NODE_INTERVAL_MS = 2000;

/** The dashboard's tuning; what it shows comes from CoreModule and the PEER_VIEW. */
export interface DashboardModuleOptions {
  /** Finished requests kept for the page. Default 20. */
  readonly recentAnswers?: number;
  /** How often open streams get the `node` event, ms. Default 2000. */
  readonly nodeIntervalMs?: number;
  /** How often an open stream gets a heartbeat comment, ms. Default 15000. */
  readonly heartbeatMs?: number;
  /** Folder with index.html and assets/. Default apps/swarm-node/public. */
  readonly publicDir?: string;
}

/**
 * The peer dashboard: the page at `/`, `/assets/*`, `GET /v1/dashboard/state`, the
 * `GET /v1/dashboard/events` stream and, for its "Add a machine" panel, `GET /v1/federation/join`.
 * Works with federation on and off (the PEER_VIEW and FEDERATION_OPTIONS say which).
 */
@Module({})
export class DashboardModule {
  static forRoot(options: DashboardModuleOptions = {}): DynamicModule {
    const resolved: DashboardOptions = {
      recentAnswers: options.recentAnswers ?? DEFAULT_RECENT_ANSWERS,
      nodeIntervalMs: options.nodeIntervalMs ?? DEFAULT_NODE_INTERVAL_MS,
      heartbeatMs: options.heartbeatMs ?? SSE_HEARTBEAT_MS,
      publicDir: options.publicDir ?? DEFAULT_PUBLIC_DIR,
    };
    return {
      module: DashboardModule,
      controllers: [DashboardController, JoinCommandController],
      providers: [{ provide: DASHBOARD_OPTIONS, useValue: resolved }, NodeFactsReader, DashboardHub, DashboardPage],
      exports: [DashboardHub],
    };
  }
}
