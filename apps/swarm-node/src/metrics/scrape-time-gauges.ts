import type { SwarmLoad } from '@local-swarm/swarm-core';
import { Gauge, type Registry } from 'prom-client';
import type { LocalSwarm } from '../core/core.tokens';
import type { PeerView } from '../peers/peers.tokens';
import { METRIC_PREFIX } from './metric-prefix';

/** What the gauges read when scraped: the local swarm's load and the peers' health. */
export interface GaugeSources {
  readonly swarm: Pick<LocalSwarm, 'load'>;
  readonly peers: Pick<PeerView, 'counts'>;
}

/** The unlabelled gauges, each one field of the local swarm's load. */
const LOAD_GAUGES: readonly { readonly name: string; readonly help: string; readonly read: (load: SwarmLoad) => number }[] = [
  {
    name: 'queue_depth',
    help: 'Requests waiting for a free instance of the local swarm, read at scrape time.',
    read: (load) => load.queuedRequests,
  },
  { name: 'busy_instances', help: 'Local instances generating now, read at scrape time.', read: (load) => load.busyInstances },
  {
    name: 'instances',
    help: 'Local instances (model copies) of this node: busy_instances / instances is the utilisation.',
    read: (load) => load.capacity,
  },
  { name: 'max_queue', help: 'Queue length above which requests are refused with 429.', read: (load) => load.maxQueue },
];

/** Registers the gauges that are read at scrape time (nothing pushes to them). */
export function registerScrapeTimeGauges(registry: Registry, sources: GaugeSources): void {
  const registers = [registry];
  const peers: Gauge<'status'> = new Gauge({
    name: `${METRIC_PREFIX}peers`,
    help: 'Known peers by health status, read at scrape time.',
    labelNames: ['status'] as const,
    registers,
    collect: () => {
      const counts = sources.peers.counts();
      peers.set({ status: 'healthy' }, counts.healthy);
      peers.set({ status: 'unhealthy' }, counts.unhealthy);
      peers.set({ status: 'expired' }, counts.expired);
    },
  });
  for (const { name, help, read } of LOAD_GAUGES) {
    const gauge: Gauge = new Gauge({ name: `${METRIC_PREFIX}${name}`, help, registers, collect: () => gauge.set(read(sources.swarm.load)) });
  }
}
