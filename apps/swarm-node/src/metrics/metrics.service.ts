import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type pino from 'pino';
import { APP_LOGGER } from '../logging/app-logger.token';
import { RequestEvents } from '../observability/request-events';
import { PEER_COUNTS, type PeerCounter } from '../swarm/peer-counts';
import { LOCAL_SWARM, type LocalSwarm } from '../swarm/swarm.tokens';
import { METRICS_OPTIONS, type MetricsModuleOptions } from './metrics.options';
import { SwarmMetrics } from './swarm-metrics';

/** One scrape: the body and the content type to send it with. */
export interface MetricsScrape {
  readonly contentType: string;
  readonly body: string;
}

/**
 * Owns the node's SwarmMetrics for the app's lifetime.
 *
 * Its sources live in the module that imports MetricsModule (AppModule provides RequestEvents and
 * LOCAL_SWARM; PEER_COUNTS comes from AppModule or, with --federation, from FederationModule's
 * PeerDirectory, which exists only inside Nest). An imported module cannot inject its importer's
 * providers, so they are looked up app-wide (`strict: false`) once every module is instantiated.
 */
@Injectable()
export class MetricsService implements OnModuleInit, OnModuleDestroy {
  private metrics: SwarmMetrics | null = null;

  constructor(
    private readonly moduleRef: ModuleRef,
    @Inject(METRICS_OPTIONS) private readonly options: MetricsModuleOptions,
  ) {}

  onModuleInit(): void {
    const lookup = { strict: false } as const;
    const logger = this.moduleRef.get<pino.Logger>(APP_LOGGER, lookup);
    this.metrics = new SwarmMetrics(
      {
        events: this.moduleRef.get(RequestEvents, lookup),
        swarm: this.moduleRef.get<LocalSwarm>(LOCAL_SWARM, lookup),
        peers: this.moduleRef.get<PeerCounter>(PEER_COUNTS, lookup),
      },
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
