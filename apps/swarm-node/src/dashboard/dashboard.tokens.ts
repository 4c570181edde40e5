import type { RequestEvents } from '../observability/request-events';
import type { LocalSwarm, NodeSettings } from '../core/core.tokens';

/** Injection token of the dashboard's resolved options. */
export const DASHBOARD_OPTIONS = Symbol('DASHBOARD_OPTIONS');
/** Injection token of the DashboardPeerSource, or null when federation is off. */
export const DASHBOARD_PEERS = Symbol('DASHBOARD_PEERS');

export interface DashboardOptions {
  readonly swarm: LocalSwarm;
  readonly settings: NodeSettings;
  readonly events: RequestEvents;
  /** True when the node runs with --federation (peers can be listed and managed). */
  readonly federation: boolean;
  /** Finished requests kept for the page. */
  readonly recentAnswers: number;
  /** How often the `node` event goes out to open streams, ms. */
  readonly nodeIntervalMs: number;
  /** Folder holding index.html and assets/. */
  readonly publicDir: string;
}
