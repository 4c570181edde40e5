import 'reflect-metadata';
import { FederationErrorCode } from '@local-swarm/federation-protocol';
import { SwarmErrorCode, type SwarmLoad } from '@local-swarm/swarm-core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import parsePrometheusTextFormat from 'parse-prometheus-text-format';
import pino from 'pino';
import { AppModule } from '../app.module';
import { RequestEvents } from '../observability/request-events';
import { NO_PEER_VIEW } from '../peers/peer-view';
import type { PeerCounts, PeerView } from '../peers/peers.tokens';
import { createTestApp, type TestApp } from '../testing/create-test-app';
import { FakePeersModule } from '../testing/fake-peers.module';
import { FakeSwarm } from '../testing/fake-swarm';
import { TEST_NODE_SETTINGS } from '../testing/test-node-settings';

type MetricFamily = parsePrometheusTextFormat.MetricFamily;

const USER_MESSAGES = [{ role: 'user', content: 'What is 2 + 3?' }];
const PROMETHEUS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

/** A fake swarm whose load the test sets, to see the gauges read it at scrape time. */
class LoadedSwarm extends FakeSwarm {
  current: SwarmLoad = { busyInstances: 0, capacity: 3, queuedRequests: 0, maxQueue: 8 };

  override get load(): SwarmLoad {
    return this.current;
  }
}

/**
 * The app as start-node.ts wires it (AppModule imports MetricsModule): with federation off, or
 * with a fake peer view whose counts the test sets.
 */
async function createApp(swarm: FakeSwarm, peers: Pick<PeerView, 'counts'> | null): Promise<TestApp> {
  const options = { swarm, settings: TEST_NODE_SETTINGS, logger: pino({ level: 'silent' }), events: new RequestEvents() };
  const root =
    peers === null
      ? AppModule.forRoot({ ...options, federation: null })
      : AppModule.withPeers(
          FakePeersModule.forRoot(() => ({ ...NO_PEER_VIEW, federation: true, counts: () => peers.counts() })),
          options,
        );
  const created = await createTestApp(root);
  await created.ready();
  return created;
}

/** One histogram series as numbers. */
interface HistogramValues {
  readonly count: number;
  readonly sum: number;
  /** Cumulative count per upper bound, keyed as in the text (`"0.5"`, `"+Inf"`). */
  readonly buckets: Readonly<Record<string, number>>;
}

/**
 * A /metrics body parsed by a Prometheus text-format parser, with lookups that fail loudly: a
 * metric that is missing or has the wrong type is a test failure, not a silent 0.
 */
class PrometheusScrape {
  readonly families: readonly MetricFamily[];

  constructor(text: string) {
    this.families = parsePrometheusTextFormat(text);
  }

  has(name: string): boolean {
    return this.families.some((family) => family.name === name);
  }

  /** A counter's or gauge's value for exactly these labels; 0 when that series is not there yet. */
  value(name: string, labels: Readonly<Record<string, string>> = {}): number {
    const family = this.family(name, ['COUNTER', 'GAUGE']);
    for (const sample of family.metrics) {
      if ('value' in sample && sameLabels(sample.labels ?? {}, labels)) return Number(sample.value);
    }
    return 0;
  }

  /** An unlabelled histogram (the parser supports no others). */
  histogram(name: string): HistogramValues {
    const family = this.family(name, ['HISTOGRAM']);
    const sample = family.metrics[0];
    if (sample === undefined || !('buckets' in sample)) throw new Error(`${name}: no histogram sample`);
    const buckets: Record<string, number> = {};
    for (const [bound, count] of Object.entries(sample.buckets)) buckets[bound] = Number(count);
    return { count: Number(sample.count), sum: Number(sample.sum), buckets };
  }

  private family(name: string, types: readonly MetricFamily['type'][]): MetricFamily {
    const family = this.families.find((candidate) => candidate.name === name);
    if (family === undefined) throw new Error(`metric ${name} is not in the scrape`);
    if (!types.includes(family.type)) throw new Error(`metric ${name} is a ${family.type}, not ${types.join(' or ')}`);
    return family;
  }
}

function sameLabels(actual: Readonly<Record<string, string>>, expected: Readonly<Record<string, string>>): boolean {
  const keys = Object.keys(actual);
  return keys.length === Object.keys(expected).length && keys.every((key) => actual[key] === expected[key]);
}

async function scrape(fastify: FastifyInstance): Promise<PrometheusScrape> {
  const response = await fastify.inject({ method: 'GET', url: '/metrics' });
  expect(response.statusCode).toBe(200);
  return new PrometheusScrape(response.payload);
}

function chat(fastify: FastifyInstance, body: Record<string, unknown> = {}): Promise<LightMyRequestResponse> {
  return fastify.inject({
    method: 'POST',
    url: '/v1/chat/completions',
    headers: { 'content-type': 'application/json' },
    payload: JSON.stringify({ messages: USER_MESSAGES, ...body }),
  });
}

/** The parts of an answered chat body the token counts are checked against. */
interface AnsweredBody {
  readonly usage: { readonly completion_tokens: number };
  readonly consensus: {
    readonly agreement: number;
    readonly usage: { readonly completion_tokens: number };
    readonly winner: { readonly index: number } | null;
    readonly candidates: readonly { readonly completion_tokens: number | null }[];
  };
}

function winnerTokens(body: AnsweredBody): number | null {
  return body.consensus.candidates[body.consensus.winner?.index ?? -1]?.completion_tokens ?? null;
}

/** usage.completion_tokens of a stream's usage chunk (sent with stream_options.include_usage). */
function streamedUsageOf(payload: string): number {
  const chunks = payload
    .split('\n\n')
    .filter((event) => event.startsWith('data: {'))
    .map((event) => JSON.parse(event.slice('data: '.length)) as { usage?: { completion_tokens: number } | null });
  const usage = chunks.at(-1)?.usage;
  if (usage === undefined || usage === null) throw new Error('the stream has no usage chunk last');
  return usage.completion_tokens;
}

/** How much each bucket of a histogram grew between two scrapes. */
function bucketDeltas(before: HistogramValues, after: HistogramValues): Record<string, number> {
  const deltas: Record<string, number> = {};
  for (const [bound, count] of Object.entries(after.buckets)) deltas[bound] = count - (before.buckets[bound] ?? 0);
  return deltas;
}

describe('GET /metrics (in-process, fake swarm)', () => {
  describe('with peers from another module', () => {
    const peerCounts: { current: PeerCounts } = { current: { total: 4, healthy: 2, unhealthy: 1, expired: 1 } };
    let swarm: LoadedSwarm;
    let app: NestFastifyApplication;
    let fastify: FastifyInstance;

    beforeAll(async () => {
      swarm = new LoadedSwarm();
      ({ app, fastify } = await createApp(swarm, { counts: () => peerCounts.current }));
    });

    afterAll(async () => {
      await app.close();
    });

    it('answers in Prometheus text format 0.0.4 with the node and process metrics', async () => {
      const response = await fastify.inject({ method: 'GET', url: '/metrics' });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe(PROMETHEUS_CONTENT_TYPE);
      const metrics = new PrometheusScrape(response.payload);
      const types = new Map(metrics.families.map((family) => [family.name, family.type]));
      expect(Object.fromEntries([...types].filter(([name]) => name.startsWith('local_swarm_')))).toEqual({
        local_swarm_requests_total: 'COUNTER',
        local_swarm_request_duration_seconds: 'HISTOGRAM',
        local_swarm_generated_tokens_total: 'COUNTER',
        local_swarm_returned_tokens_total: 'COUNTER',
        local_swarm_tokens_per_second: 'HISTOGRAM',
        local_swarm_candidates_per_request: 'HISTOGRAM',
        local_swarm_agreement_ratio: 'HISTOGRAM',
        local_swarm_vote_failures_total: 'COUNTER',
        local_swarm_federation_votes_served_total: 'COUNTER',
        local_swarm_federation_vote_duration_seconds: 'HISTOGRAM',
        local_swarm_peers: 'GAUGE',
        local_swarm_queue_depth: 'GAUGE',
        local_swarm_busy_instances: 'GAUGE',
        local_swarm_instances: 'GAUGE',
        local_swarm_max_queue: 'GAUGE',
      });
      expect(types.get('process_cpu_user_seconds_total')).toBe('COUNTER');
      expect(types.get('nodejs_heap_size_used_bytes')).toBe('GAUGE');
      expect(Object.keys(metrics.histogram('local_swarm_agreement_ratio').buckets)).toEqual(
        expect.arrayContaining(['0.1', '0.5', '0.9', '1', '+Inf']),
      );
    });

    it('counts answered and failed requests, tokens, candidates and agreement', async () => {
      const before = await scrape(fastify);

      const answers = [await chat(fastify), await chat(fastify), await chat(fastify, { strategy: 'best_of_n' })];
      const streamed = await chat(fastify, { stream: true, stream_options: { include_usage: true } });
      swarm.failure = { code: SwarmErrorCode.NotReady, message: 'stopping' };
      const failed = await chat(fastify);
      swarm.failure = null;

      for (const answer of answers) expect(answer.statusCode).toBe(200);
      expect(streamed.statusCode).toBe(200);
      expect(failed.statusCode).toBe(503);
      const bodies = answers.map((answer) => answer.json<AnsweredBody>());
      // usage counts the returned winner; the vote's 2 + 3 + 4 tokens are in consensus.usage.
      expect(bodies.map((body) => body.usage.completion_tokens)).toEqual(bodies.map(winnerTokens));
      expect(bodies.map((body) => body.consensus.usage.completion_tokens)).toEqual([9, 9, 9]);
      const streamedUsage = streamedUsageOf(streamed.payload);
      const bestOfNAgreement = bodies[2]?.consensus.agreement ?? Number.NaN;

      const after = await scrape(fastify);
      const delta = (name: string, labels: Record<string, string> = {}): number => after.value(name, labels) - before.value(name, labels);
      expect(delta('local_swarm_requests_total', { status: '200', strategy: 'majority', mode: 'vote' })).toBe(3);
      expect(delta('local_swarm_requests_total', { status: '200', strategy: 'best_of_n', mode: 'vote' })).toBe(1);
      expect(delta('local_swarm_requests_total', { status: '503', strategy: 'majority', mode: 'vote' })).toBe(1);
      expect(delta('local_swarm_generated_tokens_total', { source: 'local' })).toBe(4 * 9);
      expect(delta('local_swarm_generated_tokens_total', { source: 'peer' })).toBe(0);
      const returned = bodies.reduce((sum, body) => sum + body.usage.completion_tokens, streamedUsage);
      expect(delta('local_swarm_returned_tokens_total')).toBe(returned);
      expect(returned).toBeLessThan(4 * 9);

      // Histograms observe answered requests only (4 of 5).
      const duration = [before.histogram('local_swarm_request_duration_seconds'), after.histogram('local_swarm_request_duration_seconds')] as const;
      expect(duration[1].count - duration[0].count).toBe(4);
      expect(duration[1].sum).toBeGreaterThan(duration[0].sum);

      const speed = [before.histogram('local_swarm_tokens_per_second'), after.histogram('local_swarm_tokens_per_second')] as const;
      expect(speed[1].count - speed[0].count).toBe(4);
      expect(speed[1].sum).toBeGreaterThan(speed[0].sum);

      const candidates = [before.histogram('local_swarm_candidates_per_request'), after.histogram('local_swarm_candidates_per_request')] as const;
      expect(candidates[1].count - candidates[0].count).toBe(4);
      expect(candidates[1].sum - candidates[0].sum).toBe(12);
      expect(bucketDeltas(candidates[0], candidates[1])).toMatchObject({ '2': 0, '3': 4, '+Inf': 4 });

      const agreement = [before.histogram('local_swarm_agreement_ratio'), after.histogram('local_swarm_agreement_ratio')] as const;
      expect(agreement[1].count - agreement[0].count).toBe(4);
      // Three majority votes at 2/3 and one best_of_n at the agreement its response reported (rounded to 4 places).
      expect(agreement[1].sum - agreement[0].sum).toBeCloseTo(3 * (2 / 3) + bestOfNAgreement, 3);
      expect(bucketDeltas(agreement[0], agreement[1])).toMatchObject({ '0.6': bestOfNAgreement <= 0.6 ? 1 : 0, '0.7': bestOfNAgreement <= 0.7 ? 4 : 3, '1': 4 });
    });

    it('counts the tokens of every choice returned when a client asks for n of them', async () => {
      const before = await scrape(fastify);
      const answer = await chat(fastify, { n: 2 });
      expect(answer.statusCode).toBe(200);
      const after = await scrape(fastify);
      const { usage } = answer.json<AnsweredBody>();
      // Two of "5" (2 tokens), "5" (3) and "six" (4) came back.
      expect(usage.completion_tokens).toBe(5);
      expect(after.value('local_swarm_returned_tokens_total') - before.value('local_swarm_returned_tokens_total')).toBe(5);
    });

    it("counts peers' vote failures by reason", async () => {
      const before = await scrape(fastify);
      const events = app.get(RequestEvents);
      events.emit('vote-failed', { nodeId: 'ls-peer-a', code: FederationErrorCode.TIMEOUT });
      events.emit('vote-failed', { nodeId: 'ls-peer-b', code: FederationErrorCode.TIMEOUT });
      events.emit('vote-failed', { nodeId: 'ls-peer-a', code: FederationErrorCode.REFUSED });
      const after = await scrape(fastify);
      const delta = (reason: string): number =>
        after.value('local_swarm_vote_failures_total', { reason }) - before.value('local_swarm_vote_failures_total', { reason });
      expect(delta(FederationErrorCode.TIMEOUT)).toBe(2);
      expect(delta(FederationErrorCode.REFUSED)).toBe(1);
      expect(delta(FederationErrorCode.BAD_REPLY)).toBe(0);
    });

    it('counts the votes this node served its peers, and times the served ones', async () => {
      const before = await scrape(fastify);
      const events = app.get(RequestEvents);
      const vote = { requestId: 'r', originNodeId: 'ls-peer-a', clientIp: '10.0.0.7', candidates: 3, durationMs: 1500, maxTokensAsked: 64, maxTokensGranted: 64, error: null };
      events.emit('vote-served', vote);
      events.emit('vote-served', { ...vote, candidates: 0, durationMs: 2, error: { status: 429, code: 'queue_full' } });
      const after = await scrape(fastify);
      const delta = (outcome: string): number =>
        after.value('local_swarm_federation_votes_served_total', { outcome }) - before.value('local_swarm_federation_votes_served_total', { outcome });
      expect(delta('served')).toBe(1);
      expect(delta('refused')).toBe(1);
      const duration = [before.histogram('local_swarm_federation_vote_duration_seconds'), after.histogram('local_swarm_federation_vote_duration_seconds')] as const;
      expect(duration[1].count - duration[0].count).toBe(1);
      expect(duration[1].sum - duration[0].sum).toBeCloseTo(1.5, 6);
    });

    it('reads peers and load when scraped', async () => {
      let metrics = await scrape(fastify);
      expect(metrics.value('local_swarm_peers', { status: 'healthy' })).toBe(2);
      expect(metrics.value('local_swarm_peers', { status: 'unhealthy' })).toBe(1);
      expect(metrics.value('local_swarm_peers', { status: 'expired' })).toBe(1);
      expect(metrics.value('local_swarm_queue_depth')).toBe(0);
      expect(metrics.value('local_swarm_busy_instances')).toBe(0);

      peerCounts.current = { total: 1, healthy: 0, unhealthy: 0, expired: 1 };
      swarm.current = { busyInstances: 3, capacity: 3, queuedRequests: 5, maxQueue: 8 };
      metrics = await scrape(fastify);
      expect(metrics.value('local_swarm_peers', { status: 'healthy' })).toBe(0);
      expect(metrics.value('local_swarm_peers', { status: 'expired' })).toBe(1);
      expect(metrics.value('local_swarm_queue_depth')).toBe(5);
      expect(metrics.value('local_swarm_busy_instances')).toBe(3);
      expect(metrics.value('local_swarm_instances')).toBe(3);
      expect(metrics.value('local_swarm_max_queue')).toBe(8);
      swarm.current = { busyInstances: 0, capacity: 3, queuedRequests: 0, maxQueue: 8 };
    });

    it('keeps serving the API while being scraped, and refuses public clients like every route', async () => {
      const [metrics, answer, health] = await Promise.all([
        fastify.inject({ method: 'GET', url: '/metrics' }),
        chat(fastify),
        fastify.inject({ method: 'GET', url: '/health' }),
      ]);
      expect([metrics.statusCode, answer.statusCode, health.statusCode]).toEqual([200, 200, 200]);
      expect(answer.json<{ choices: { message: { content: string } }[] }>().choices[0]?.message.content).toBe('5');
      const publicClient = await fastify.inject({ method: 'GET', url: '/metrics', remoteAddress: '8.8.8.8' });
      expect(publicClient.statusCode).toBe(403);
    });
  });

  describe('without federation', () => {
    it('reports no peers and keeps its own registry per app', async () => {
      const first = await createApp(new FakeSwarm(), null);
      const second = await createApp(new FakeSwarm(), null);
      try {
        expect((await chat(first.fastify)).statusCode).toBe(200);
        const [one, two] = [await scrape(first.fastify), await scrape(second.fastify)];
        for (const status of ['healthy', 'unhealthy', 'expired']) expect(one.value('local_swarm_peers', { status })).toBe(0);
        expect(one.value('local_swarm_requests_total', { status: '200', strategy: 'majority', mode: 'vote' })).toBe(1);
        expect(two.value('local_swarm_requests_total', { status: '200', strategy: 'majority', mode: 'vote' })).toBe(0);
      } finally {
        await first.app.close();
        await second.app.close();
      }
    });
  });
});
