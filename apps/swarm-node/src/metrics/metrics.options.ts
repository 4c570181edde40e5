import type { DynamicModule } from '@nestjs/common';
import type pino from 'pino';
import type { RequestEvents } from '../observability/request-events';
import type { LocalSwarm } from '../core/core.tokens';

/** Injection token of MetricsModule's options. */
export const METRICS_OPTIONS = Symbol('METRICS_OPTIONS');

export interface MetricsModuleOptions {
  /** The same RequestEvents the completion path emits on. */
  readonly events: RequestEvents;
  readonly swarm: LocalSwarm;
  readonly logger: pino.Logger;
  /**
   * With --federation: the very module object AppModule imports (FederationModule.forRoot(...)),
   * which exports PEER_COUNTS. Nest keys dynamic modules by reference, so this adds no second
   * directory. Without it the node has no peers.
   */
  readonly federation?: DynamicModule;
  /** Also export prom-client's process and Node.js metrics (process_*, nodejs_*); default true. */
  readonly defaultMetrics?: boolean;
}
