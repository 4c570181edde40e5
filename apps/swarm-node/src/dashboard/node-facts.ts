import { Inject, Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { AddressInfo } from 'node:net';
import { DASHBOARD_OPTIONS, type DashboardOptions } from './dashboard.tokens';

/** What the node panel shows (and the `node` event repeats every few seconds). */
export interface NodeFacts {
  readonly node_id: string;
  readonly version: string;
  readonly model: string;
  readonly instances: number;
  readonly context_size: number;
  readonly hardware: string;
  /** Where the API listens, e.g. `http://10.0.0.7:17615`; null before it listens. */
  readonly url: string | null;
  readonly strategy: string;
  readonly mode: string;
  readonly federation: boolean;
  /** ISO 8601. */
  readonly started_at: string;
  readonly uptime_s: number;
  readonly requests_served: number;
  readonly load: {
    readonly busy_instances: number;
    readonly capacity: number;
    readonly queued_requests: number;
    readonly max_queue: number;
  };
}

/** Reads this node's facts at the moment they are asked for. */
@Injectable()
export class NodeFactsReader {
  constructor(
    @Inject(DASHBOARD_OPTIONS) private readonly options: DashboardOptions,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  read(): NodeFacts {
    const { swarm, settings, events } = this.options;
    const { info, load } = swarm;
    return {
      node_id: swarm.id,
      version: settings.version,
      model: info.modelId,
      instances: info.instances,
      context_size: info.contextSize,
      hardware: settings.hardwareSummary,
      url: this.listeningUrl(),
      strategy: settings.strategy,
      mode: settings.mode,
      federation: this.options.federation,
      started_at: settings.startedAt.toISOString(),
      uptime_s: Math.round((Date.now() - settings.startedAt.getTime()) / 1000),
      requests_served: events.finishedCount,
      load: {
        busy_instances: load.busyInstances,
        capacity: load.capacity,
        queued_requests: load.queuedRequests,
        max_queue: load.maxQueue,
      },
    };
  }

  /** From the server's own socket: the module needs nothing from start-up to know it. */
  private listeningUrl(): string | null {
    const server: unknown = this.adapterHost.httpAdapter?.getHttpServer();
    if (typeof server !== 'object' || server === null || !('address' in server) || typeof server.address !== 'function') return null;
    const address = (server.address as () => AddressInfo | string | null).call(server);
    if (address === null || typeof address === 'string') return null;
    const host = address.address.includes(':') ? `[${address.address}]` : address.address;
    return `http://${host}:${address.port}`;
  }
}
