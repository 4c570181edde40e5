import type { ConsensusRun } from '@local-swarm/swarm-core';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import type { LocalSwarm } from '../core/core.tokens';
import type { RequestEvents, RequestFinished, VoteFailed, VoteServed } from '../observability/request-events';
import { DURATION_BUCKETS } from './duration-buckets';
import { METRIC_PREFIX } from './metric-prefix';
import { registerScrapeTimeGauges, type GaugeSources } from './scrape-time-gauges';
import { registerServedVoteMetrics } from './served-vote-metrics';
import { registerTokenMetrics } from './token-metrics';

/** Tokens per second over all candidates of a request (a 135M model on 2 cores does ~50 per stream). */
const TOKENS_PER_SECOND_BUCKETS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000];
const CANDIDATE_BUCKETS = [1, 2, 3, 4, 6, 8, 12, 16, 24, 32, 64];
/** Agreement is a ratio: tenths, so "no majority" (< 0.5) and "unanimous" (1) are both readable. */
const AGREEMENT_BUCKETS = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1];
/** Date.now() has millisecond resolution: a run reported as 0 ms took under 1 ms. */
const MIN_DURATION_MS = 1;

/** What the metrics read: request events as they happen, peers and load at scrape time. */
export interface MetricsSources extends GaugeSources {
  readonly events: RequestEvents;
  /** The local swarm; its `id` tells this node's candidates from peers'. */
  readonly swarm: Pick<LocalSwarm, 'load' | 'id'>;
}

export interface SwarmMetricsOptions {
  /** prom-client's default process and Node.js metrics (process_*, nodejs_*); default true. */
  readonly defaultMetrics?: boolean;
  /**
   * Told when recording an event failed. Listeners run inside the completion path's `emit()`, so
   * a metrics bug is reported here instead of failing the request; default: ignored.
   */
  readonly onError?: (error: unknown) => void;
}

/**
 * The node's Prometheus metrics in a registry of their own (not prom-client's global one, so two
 * nodes in one process, as in tests, never share counters). Everything is fed by RequestEvents
 * and read at scrape time: the completion path knows nothing of metrics.
 */
export class SwarmMetrics {
  readonly registry = new Registry();
  private readonly requests: Counter<'status' | 'strategy' | 'mode'>;
  // Histograms carry no labels: one series each keeps a scrape small (a histogram is one series
  // per bucket), and requests_total already splits by strategy and mode.
  private readonly duration: Histogram;
  private readonly tokensPerSecond: Histogram;
  private readonly candidates: Histogram;
  private readonly agreement: Histogram;
  private readonly voteFailures: Counter<'reason'>;
  private readonly onFinished = (event: RequestFinished): void => this.guarded(() => this.recordFinished(event));
  private readonly onVoteFailed = (event: VoteFailed): void => this.guarded(() => this.voteFailures.inc({ reason: event.code }));
  private readonly recordVoteServed = registerServedVoteMetrics(this.registry);
  private readonly recordTokens: (run: ConsensusRun, choices: number) => void;
  private readonly onVoteServed = (event: VoteServed): void => this.guarded(() => this.recordVoteServed(event));
  private readonly onError: (error: unknown) => void;
  private stopped = false;

  constructor(
    private readonly sources: MetricsSources,
    options: SwarmMetricsOptions = {},
  ) {
    this.onError = options.onError ?? (() => undefined);
    const registers = [this.registry];
    this.requests = new Counter({
      name: `${METRIC_PREFIX}requests_total`,
      help: 'Client requests that entered consensus, by HTTP status, strategy and federation mode.',
      labelNames: ['status', 'strategy', 'mode'] as const,
      registers,
    });
    this.duration = new Histogram({
      name: `${METRIC_PREFIX}request_duration_seconds`,
      help: 'Time from a request entering consensus to its verdict (answered requests only).',
      buckets: DURATION_BUCKETS,
      registers,
    });
    this.tokensPerSecond = new Histogram({
      name: `${METRIC_PREFIX}tokens_per_second`,
      help: 'Completion tokens of a request over all its candidates, divided by its duration.',
      buckets: TOKENS_PER_SECOND_BUCKETS,
      registers,
    });
    this.candidates = new Histogram({
      name: `${METRIC_PREFIX}candidates_per_request`,
      help: 'Candidates collected per answered request, from this node and its peers.',
      buckets: CANDIDATE_BUCKETS,
      registers,
    });
    this.agreement = new Histogram({
      name: `${METRIC_PREFIX}agreement_ratio`,
      help: "Weight of the winner's group over the weight of all voting candidates (0..1).",
      buckets: AGREEMENT_BUCKETS,
      registers,
    });
    this.voteFailures = new Counter({
      name: `${METRIC_PREFIX}vote_failures_total`,
      help: "Peers' votes that failed, by federation error code.",
      labelNames: ['reason'] as const,
      registers,
    });
    this.recordTokens = registerTokenMetrics(this.registry, sources.swarm.id);
    registerScrapeTimeGauges(this.registry, sources);
    if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: this.registry });
    sources.events.on('finished', this.onFinished);
    sources.events.on('vote-failed', this.onVoteFailed);
    sources.events.on('vote-served', this.onVoteServed);
  }

  /** Content type of `scrape()`: Prometheus text format 0.0.4. */
  get contentType(): string {
    return this.registry.contentType;
  }

  /** Every metric in Prometheus text format, the gauges read now. */
  scrape(): Promise<string> {
    return this.registry.metrics();
  }

  /** Stops listening to request events; the registry keeps its last values. */
  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.sources.events.off('finished', this.onFinished);
    this.sources.events.off('vote-failed', this.onVoteFailed);
    this.sources.events.off('vote-served', this.onVoteServed);
  }

  private guarded(record: () => void): void {
    try {
      record();
    } catch (error) {
      this.onError(error);
    }
  }

  private recordFinished(event: RequestFinished): void {
    const status = event.error === null ? 200 : event.error.status;
    this.requests.inc({ status: String(status), strategy: event.strategy, mode: event.mode });
    const { run } = event;
    if (run === null) return;
    const seconds = Math.max(event.durationMs, MIN_DURATION_MS) / 1000;
    const tokens = run.usage.completionTokens;
    this.duration.observe(seconds);
    this.recordTokens(run, event.choices ?? 1);
    this.tokensPerSecond.observe(tokens / seconds);
    this.candidates.observe(run.candidates.length);
    this.agreement.observe(run.verdict.agreement);
  }
}
