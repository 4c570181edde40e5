import { Inject, Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { AddressInfo } from 'node:net';
import { LOCAL_SWARM, NODE_SETTINGS, type LocalSwarm, type NodeSettings } from '../core/core.tokens';
import { uptimeSeconds } from '../core/uptime-seconds';
import { loadToWire, type LoadWire } from '../http/load-to-wire';
import { RequestEvents } from '../observability/request-events';
import { PEER_VIEW, type PeerView } from '../peers/peers.tokens';

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
  readonly load: LoadWire;
}

/** Reads this node's facts at the moment they are asked for. */
@Injectable()
export class NodeFactsReader {
  constructor(
    @Inject(LOCAL_SWARM) private readonly swarm: LocalSwarm,
    @Inject(NODE_SETTINGS) private readonly settings: NodeSettings,
    private readonly events: RequestEvents,
    @Inject(PEER_VIEW) private readonly peers: PeerView,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  read(): NodeFacts {
    const { swarm, settings, events } = this;
    const { info } = swarm;
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
      federation: this.peers.federation,
      started_at: settings.startedAt.toISOString(),
      uptime_s: uptimeSeconds(settings),
      requests_served: events.finishedCount,
      load: loadToWire(swarm.load),
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
