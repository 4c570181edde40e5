import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { PEER_COUNTS, type PeerCounter } from '../swarm/peer-counts';
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
    @Inject(PEER_COUNTS) private readonly peers: PeerCounter,
  ) {}

  onModuleInit(): void {
    const { events, swarm, logger } = this.options;
    this.metrics = new SwarmMetrics(
      { events, swarm, peers: this.peers },
      {
        defaultMetrics: this.options.defaultMetrics ?? true,
        onError: (error) => logger.warn({ error: String(error) }, 'recording metrics failed'),
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
