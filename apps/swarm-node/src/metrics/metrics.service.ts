import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type pino from 'pino';
import { APP_LOGGER, LOCAL_SWARM, type LocalSwarm } from '../core/core.tokens';
import { RequestEvents } from '../observability/request-events';
import { PEER_VIEW, type PeerView } from '../peers/peers.tokens';
import { METRICS_OPTIONS, type MetricsModuleOptions } from './metrics.options';
import { SwarmMetrics } from './swarm-metrics';

/** One scrape: the body and the content type to send it with. */
export interface MetricsScrape {
  readonly contentType: string;
  readonly body: string;
}

/** Owns the node's SwarmMetrics for the app's lifetime. */
@Injectable()
export class MetricsService implements OnModuleInit, OnModuleDestroy {
  private metrics: SwarmMetrics | null = null;

  constructor(
    @Inject(METRICS_OPTIONS) private readonly options: MetricsModuleOptions,
    private readonly events: RequestEvents,
    @Inject(LOCAL_SWARM) private readonly swarm: LocalSwarm,
    @Inject(PEER_VIEW) private readonly peers: PeerView,
    @Inject(APP_LOGGER) private readonly logger: pino.Logger,
  ) {}

  onModuleInit(): void {
    this.metrics = new SwarmMetrics(
      { events: this.events, swarm: this.swarm, peers: this.peers },
      {
        defaultMetrics: this.options.defaultMetrics ?? true,
        onError: (error) => this.logger.warn({ error: String(error) }, 'recording metrics failed'),
      },
    );
  }

  onModuleDestroy(): void {
    this.metrics?.stop();
  }

  async scrape(): Promise<MetricsScrape> {
    if (this.metrics === null) throw new Error('MetricsService used before the module was initialised');
    return { contentType: this.metrics.contentType, body: await this.metrics.scrape() };
  }
}
