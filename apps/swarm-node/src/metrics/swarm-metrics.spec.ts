import type { ConsensusRun } from '@local-swarm/swarm-core';
import { RequestEvents, type RequestFinished } from '../observability/request-events';
import { NO_PEER_VIEW } from '../peers/peer-view';
import { FakeSwarm } from '../testing/fake-swarm';
import { SwarmMetrics } from './swarm-metrics';

/** Just the parts of a run the metrics read. */
function finished(run: Pick<ConsensusRun, 'candidates' | 'usage'> & { agreement: number }, durationMs = 500): RequestFinished {
  return {
    requestId: 'req-1',
    startedAt: 0,
    durationMs,
    strategy: 'majority',
    mode: 'vote',
    run: {
      candidates: run.candidates,
      usage: run.usage,
      verdict: { agreement: run.agreement, ranking: [] },
      sources: [{ id: 'local', ok: true, candidates: run.candidates.length, usage: run.usage }],
      cancelledEarly: false,
    } as unknown as ConsensusRun,
    error: null,
  };
}

async function sampleValue(metrics: SwarmMetrics, name: string, filter: (labels: object, metricName?: string) => boolean = () => true): Promise<number | undefined> {
  const metric = metrics.registry.getSingleMetric(name);
  if (metric === undefined) throw new Error(`no metric ${name}`);
  const { values } = await metric.get();
  // Histograms name each value (`_sum`, `_count`, `_bucket`); counters and gauges do not.
  return values.find((value) => filter(value.labels, 'metricName' in value && typeof value.metricName === 'string' ? value.metricName : undefined))
    ?.value;
}

describe('SwarmMetrics', () => {
  let events: RequestEvents;
  let metrics: SwarmMetrics;
  let errors: unknown[];

  beforeEach(() => {
    events = new RequestEvents();
    errors = [];
    metrics = new SwarmMetrics({ events, swarm: new FakeSwarm(), peers: NO_PEER_VIEW }, { defaultMetrics: false, onError: (error) => errors.push(error) });
  });

  afterEach(() => metrics.stop());

  it('turns a finished run into tokens/s from all candidates over the wall time', async () => {
    events.emit('finished', finished({ candidates: [], usage: { promptTokens: 5, completionTokens: 30 }, agreement: 1 }, 1500));
    expect(await sampleValue(metrics, 'local_swarm_tokens_per_second', (_labels, name) => name === 'local_swarm_tokens_per_second_sum')).toBe(20);
    expect(await sampleValue(metrics, 'local_swarm_generated_tokens_total', (labels) => 'source' in labels && labels.source === 'local')).toBe(30);
  });

  it('counts a run reported as 0 ms as 1 ms instead of dividing by zero', async () => {
    events.emit('finished', finished({ candidates: [], usage: { promptTokens: 5, completionTokens: 3 }, agreement: 1 }, 0));
    expect(await sampleValue(metrics, 'local_swarm_tokens_per_second', (_labels, name) => name === 'local_swarm_tokens_per_second_sum')).toBe(3000);
  });

  it('counts a failed request by its HTTP status without observing the histograms', async () => {
    events.emit('finished', { ...finished({ candidates: [], usage: { promptTokens: 0, completionTokens: 0 }, agreement: 0 }), run: null, error: { status: 429, code: 'queue_full', message: 'full' } });
    expect(await sampleValue(metrics, 'local_swarm_requests_total', (labels) => 'status' in labels && labels.status === '429')).toBe(1);
    expect(await sampleValue(metrics, 'local_swarm_request_duration_seconds', (_labels, name) => name === 'local_swarm_request_duration_seconds_count')).toBe(0);
  });

  it('reports a recording failure instead of throwing into the completion path', () => {
    // A negative count makes prom-client throw (a counter cannot decrease).
    const bad = finished({ candidates: [], usage: { promptTokens: 0, completionTokens: -1 }, agreement: 1 });
    expect(() => events.emit('finished', bad)).not.toThrow();
    expect(errors).toHaveLength(1);
  });

  it('stops listening on stop()', async () => {
    metrics.stop();
    events.emit('vote-failed', { nodeId: 'ls-a', code: 'FEDERATION_ERR_TIMEOUT' });
    expect(events.listenerCount('vote-failed')).toBe(0);
    expect(await sampleValue(metrics, 'local_swarm_vote_failures_total')).toBeUndefined();
  });
});
