import type { BenchTable } from '@local-swarm/bench-kit';
import type { RequestTally } from '../lan/request-tally';
import { formatSpread, sampleSpread, type SampleSpread } from '../lan/sample-spread';
import { LATENCY_CASES, type DepartureSample, type DiscoverySample, type EventWindow, type LatencyCase, type LatencySample } from './federation-samples';

export interface FederationSettings {
  readonly repetitions: number;
  readonly events: number;
  readonly maxTokens: number;
  readonly instances: number;
  readonly clientMaxTokens: number;
  readonly settleMs: number;
}

export interface FederationMeasurements {
  readonly settings: FederationSettings;
  readonly latency: readonly LatencySample[];
  readonly discoveries: readonly DiscoverySample[];
  readonly departures: readonly DepartureSample[];
  /** The client loop's requests charged to each event (rule: in flight at any moment of its window). */
  readonly events: readonly { readonly window: EventWindow; readonly tally: RequestTally }[];
  /** Every request of the client loop, events and the time between them. */
  readonly clientTotal: RequestTally;
}

export interface FederationReport {
  readonly summary: string[];
  readonly tables: BenchTable[];
  readonly notes: string[];
}

const CASE_LABELS: Record<LatencyCase, string> = {
  'b-local': "B's own /v1/completions (B alone)",
  'b-vote': 'the same asked of B via POST /v1/federation/vote',
  'a-vote': "A's /v1/completions, vote mode (A and B generate)",
  'a-alone': "A's /v1/completions, A alone",
};

/** Added latency of `slower` over `faster`: difference and ratio of medians, and the median of the per-round differences. */
export function addedLatency(samples: readonly LatencySample[], slower: LatencyCase, faster: LatencyCase): { slow: SampleSpread; fast: SampleSpread; addedMs: number; ratio: number; pairedAddedMs: number } {
  const valid = samples.filter((sample) => sample.valid && sample.repetition >= 0);
  const of = (latencyCase: LatencyCase): LatencySample[] => valid.filter((sample) => sample.latencyCase === latencyCase);
  const slow = sampleSpread(of(slower).map((sample) => sample.ms));
  const fast = sampleSpread(of(faster).map((sample) => sample.ms));
  const paired = of(slower).flatMap((sample) => {
    const partner = of(faster).find((candidate) => candidate.repetition === sample.repetition);
    return partner === undefined ? [] : [sample.ms - partner.ms];
  });
  return { slow, fast, addedMs: slow.median - fast.median, ratio: slow.median / fast.median, pairedAddedMs: sampleSpread(paired).median };
}

/** Turns the measurements into the result's summary bullets, tables and notes. */
export function federationReport(measurements: FederationMeasurements): FederationReport {
  const { settings, latency, discoveries, departures, events, clientTotal } = measurements;
  const peerVote = addedLatency(latency, 'b-vote', 'b-local');
  const endToEnd = addedLatency(latency, 'a-vote', 'a-alone');
  const fresh = discoveries.filter((sample) => sample.kind !== 'after kill -9');
  const rejoin = discoveries.filter((sample) => sample.kind === 'after kill -9');
  const advertise = sampleSpread(fresh.map((sample) => sample.advertiseToHealthyMs));
  const announce = sampleSpread(fresh.map((sample) => sample.announceToHealthyMs));
  const rejoinSpawn = sampleSpread(rejoin.map((sample) => sample.spawnToHealthyMs));
  const sigterm = sampleSpread(departures.filter((sample) => sample.kind === 'SIGTERM').map((sample) => sample.ms));
  const crash = sampleSpread(departures.filter((sample) => sample.kind === 'kill -9').map((sample) => sample.ms));
  const eventFailures = events.reduce((sum, event) => sum + event.tally.failed, 0);
  const eventRequests = events.reduce((sum, event) => sum + event.tally.requests, 0);
  const fewer = (spread: SampleSpread, what: string): string => (spread.n < 3 ? ` (only ${spread.n} ${what}: fewer than the 3 asked)` : '');
  const invalid = latency.filter((sample) => !sample.valid && sample.repetition >= 0);

  const summary = [
    `A peer's vote: ${settings.maxTokens} tokens × ${settings.instances} candidate(s) asked of B through \`POST /v1/federation/vote\` took ${formatSpread(peerVote.slow)} vs ${formatSpread(peerVote.fast)} as B's own completion, same prompt, length and seed, interleaved: **${signedMs(peerVote.addedMs)}, ${peerVote.ratio.toFixed(2)}x** (median of per-round differences ${signedMs(peerVote.pairedAddedMs)}).`,
    `End to end on A: a vote request that A and B both generate took ${formatSpread(endToEnd.slow)} vs ${formatSpread(endToEnd.fast)} for A alone: **${signedMs(endToEnd.addedMs)}, ${endToEnd.ratio.toFixed(2)}x** (median of per-round differences ${signedMs(endToEnd.pairedAddedMs)}). Each node runs on its own core.`,
    `Discovery: from B starting to advertise (its log) to healthy in A's \`/v1/federation/peers\`: **${formatSpread(advertise)}**${fewer(advertise, 'starts')}; from B's announcement (probing done) ${formatSpread(announce)}. Target 10 s: **${advertise.n > 0 && advertise.max <= 10_000 ? 'met' : 'not met'}**.`,
    `Crash: \`kill -9\` to unhealthy in A's list **${formatSpread(crash)}**${fewer(crash, 'crashes')}; SIGTERM to removed (mDNS goodbye) **${formatSpread(sigterm)}**${fewer(sigterm, 'stops')}. A restarted node was healthy again ${formatSpread(rejoinSpawn)} after its process was spawned (model load included).`,
    `Client requests that failed while B crashed, stopped or restarted: **${eventFailures} of ${eventRequests}** (${clientTotal.failed} of ${clientTotal.requests} over the whole run); target 0: **${eventFailures === 0 ? 'met' : 'not met'}**.`,
  ];

  const latencyTable: BenchTable = {
    title: `Latency of one generation (${settings.maxTokens} tokens, ${settings.instances} candidate(s) per node), asked four ways from A's namespace; ${settings.repetitions} interleaved rounds`,
    columns: ['how', 'median ms', 'min ms', 'max ms', 'valid runs', 'tokens generated (median)'],
    rows: LATENCY_CASES.map((latencyCase) => {
      const ofCase = latency.filter((sample) => sample.latencyCase === latencyCase && sample.valid && sample.repetition >= 0);
      const spread = sampleSpread(ofCase.map((sample) => sample.ms));
      const tokens = sampleSpread(ofCase.map((sample) => sample.tokens));
      return [CASE_LABELS[latencyCase], round(spread.median), round(spread.min), round(spread.max), spread.n, round(tokens.median)];
    }),
  };
  const discoveryTable: BenchTable = {
    title: 'B (re)started: when A listed it healthy',
    columns: ['start', 'spawn → healthy ms', 'advertising start → healthy ms', 'announcement → healthy ms', "advertising start → A's log ms"],
    rows: discoveries.map((sample) => [
      sample.kind,
      round(sample.spawnToHealthyMs),
      round(sample.advertiseToHealthyMs),
      round(sample.announceToHealthyMs),
      sample.advertiseToLoggedHealthyMs === null ? 'no log line' : round(sample.advertiseToLoggedHealthyMs),
    ]),
  };
  const departureTable: BenchTable = {
    title: 'B stopped: when A listed it removed (SIGTERM) or unhealthy (kill -9)',
    columns: ['signal', 'signal → A\'s list ms', "signal → A's log ms", 'B was generating a vote'],
    rows: departures.map((sample) => [sample.kind, round(sample.ms), sample.loggedMs === null ? 'no log line' : round(sample.loggedMs), sample.busyWhenSignalled ? 'yes' : 'no']),
  };
  const eventTable: BenchTable = {
    title: `Client requests to A (chat, max_tokens ${settings.clientMaxTokens}, vote mode, one at a time) in flight during each event`,
    columns: ['event', 'window ms', 'requests', 'failed', 'failures'],
    rows: events.map(({ window, tally }) => [window.label, round(window.to - window.from), tally.requests, tally.failed, describeFailures(tally.failures)]),
  };

  const notes = [
    `Two nodes, A and B, each in its own network namespace on one bridge (libs/test-netns), pinned with \`taskset -c 0\` / \`taskset -c 1\`, \`--threads 1 --instances ${settings.instances} --context-size 512 --federation\`, mDNS discovery on; every request is made from inside A's namespace by a small driver process that times it there.`,
    `Latency: a text prompt that never ends by itself ("Counting from one to one thousand: …"), max_tokens ${settings.maxTokens}, temperature 0.7, top_p 0.95, one seed per round shared by the four ways; the order of the four rotates each round and one unmeasured round warms both nodes first. "B alone" and "A alone" are balance-mode requests to an idle pair, which stay on the node asked (ties go to the local node); every reply's \`consensus.sources\` is checked for who answered.`,
    'A vote request carries the seed, but B mixes its node id into it (nodes with one model must not sample the same candidates), so the vote\'s text differs from B\'s own answer; the length does not (the prompt never stops), which the tokens column shows.',
    `Discovery counts the first start and the starts after a SIGTERM (B absent from A's list before); starts after a kill -9 are rejoins (A still listed B as unhealthy and its health checks, every 2 s, may find B before mDNS does) and are listed apart. A's list is polled every 25 ms from inside A's namespace; A's own log line is given beside it. Nodes use distinct ports (17615, 17616), so their mDNS names do not collide: both namespaces share this machine's hostname.`,
    `Events ran with a client loop sending chat requests to A without pause, so B was usually generating a vote when signalled. A failed vote counts as a failed health check, so a crash is noticed faster under load than idle (idle: health checks every 2 s, unhealthy after 2 failures). SIGTERM to removed is timed from the signal, so it includes B's graceful shutdown (finishing or cancelling the vote in hand, closing the server) before its goodbye goes out; timed from B's exit it is a few ms. Each event's window runs from the signal (or spawn) until A's list showed the change, plus ${settings.settleMs} ms; a request in flight at any moment of it is charged to it.`,
    ...(invalid.length > 0 ? [`${invalid.length} latency sample(s) left out: ${invalid.map((sample) => `${sample.latencyCase} #${sample.repetition + 1}: ${sample.problem ?? 'invalid'}`).join('; ')}.`] : []),
  ];
  return { summary, tables: [latencyTable, discoveryTable, departureTable, eventTable], notes };
}

/** `+30 ms`, `-2 ms` (a vote can come out a little faster than local: noise), `n/a`. */
export function signedMs(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  const rounded = Math.round(value);
  return `${rounded >= 0 ? '+' : '−'}${Math.abs(rounded)} ms`;
}

function round(value: number): number | string {
  return Number.isFinite(value) ? Math.round(value) : 'n/a';
}

function describeFailures(failures: Readonly<Record<string, number>>): string {
  const entries = Object.entries(failures);
  return entries.length === 0 ? 'none' : entries.map(([reason, count]) => `${count}× ${reason}`).join('; ');
}
