import { Counter, Histogram, type Registry } from 'prom-client';
import type { VoteServed } from '../observability/request-events';
import { DURATION_BUCKETS } from './duration-buckets';
import { METRIC_PREFIX } from './metric-prefix';

/**
 * Registers the metrics of the votes this node serves its peers and returns what records one.
 * Labels never carry what a peer sent (its node id, request id): a peer could otherwise grow the
 * scrape without bound by inventing ids.
 */
export function registerServedVoteMetrics(registry: Registry): (event: VoteServed) => void {
  const registers = [registry];
  const served: Counter<'outcome'> = new Counter({
    name: `${METRIC_PREFIX}federation_votes_served_total`,
    help: "Peers' vote requests this node answered: served (with candidates) or refused (an error status).",
    labelNames: ['outcome'] as const,
    registers,
  });
  // Both series from the first scrape, so a rate over them works before the first refusal.
  served.inc({ outcome: 'served' }, 0);
  served.inc({ outcome: 'refused' }, 0);
  const duration = new Histogram({
    name: `${METRIC_PREFIX}federation_vote_duration_seconds`,
    help: "Time this node took to generate a peer's vote (served votes only).",
    buckets: DURATION_BUCKETS,
    registers,
  });
  return (event) => {
    served.inc({ outcome: event.error === null ? 'served' : 'refused' });
    if (event.error === null) duration.observe(event.durationMs / 1000);
  };
}
