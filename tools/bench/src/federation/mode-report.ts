import type { BenchTable } from '@local-swarm/bench-kit';
import type { RequestTally } from '../lan/request-tally';
import { formatSpread, sampleSpread, type SampleSpread } from '../lan/sample-spread';
import { LATENCY_CASES, type DepartureSample, type DiscoverySample, type EventWindow, type FederationMode, type LatencyCase, type LatencySample } from './federation-samples';
import { addedLatency } from './latency-comparison';

export interface FederationSettings {
  readonly repetitions: number;
  readonly events: number;
  readonly maxTokens: number;
  readonly instances: number;
  readonly clientMaxTokens: number;
  readonly settleMs: number;
}

/** Everything measured on the pair of one mode. */
export interface ModeMeasurements {
  readonly mode: FederationMode;
  readonly latency: readonly LatencySample[];
  readonly discoveries: readonly DiscoverySample[];
  readonly departures: readonly DepartureSample[];
  /** The client loop's requests charged to each event (rule: in flight at any moment of its window). */
  readonly events: readonly { readonly window: EventWindow; readonly tally: RequestTally }[];
  /** Every request of the client loops of this mode, events and the time between them. */
  readonly clientTotal: RequestTally;
}

export interface FederationReport {
  readonly summary: string[];
  readonly tables: BenchTable[];
  readonly notes: string[];
}

/** Targets of paired federation: a new member is voting within 1.5 s (median), a crashed one is out within 3 s (median). */
export const DISCOVERY_TARGET_MS = 1_500;
export const CRASH_TARGET_MS = 3_000;

export const CASE_LABELS: Record<LatencyCase, string> = {
  'b-local': "B's own /v1/completions (B alone)",
  'b-vote': 'the same asked of B via POST /v1/federation/vote',
  'a-vote': "A's /v1/completions, vote mode (A and B generate)",
  'a-alone': "A's /v1/completions, A alone",
};

/** The summary bullets, tables and notes of one mode's pair, each marked with the mode. */
export function modeReport(settings: FederationSettings, measurements: ModeMeasurements): FederationReport {
  const { mode, latency, discoveries, departures, events, clientTotal } = measurements;
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
  const met = (ok: boolean): string => (ok ? 'met' : 'not met');
  const joined = mode === 'sealed' ? 'discovery to paired (healthy: its sealed health check answered)' : 'discovery to healthy';

  const summary = [
    `A peer's vote: ${settings.maxTokens} tokens × ${settings.instances} candidate(s) asked of B through \`POST /v1/federation/vote\` took ${formatSpread(peerVote.slow)} vs ${formatSpread(peerVote.fast)} as B's own completion, same prompt, length and seed, interleaved: **${signedMs(peerVote.addedMs)}, ${peerVote.ratio.toFixed(2)}x** (median of per-round differences ${signedMs(peerVote.pairedAddedMs)}).`,
    `End to end on A: a vote request that A and B both generate took ${formatSpread(endToEnd.slow)} vs ${formatSpread(endToEnd.fast)} for A alone: **${signedMs(endToEnd.addedMs)}, ${endToEnd.ratio.toFixed(2)}x** (median of per-round differences ${signedMs(endToEnd.pairedAddedMs)}). Each node runs on its own core.`,
    `Discovery: ${joined}, from B starting to advertise (its log) to healthy in A's \`/v1/federation/peers\`: **${formatSpread(advertise)}**${fewer(advertise, 'starts')}; from B's announcement (probing done) ${formatSpread(announce)}. Target ≤ ${DISCOVERY_TARGET_MS / 1000} s median: **${met(advertise.n > 0 && advertise.median <= DISCOVERY_TARGET_MS)}**.`,
    `Crash: \`kill -9\` to unhealthy in A's list **${formatSpread(crash)}**${fewer(crash, 'crashes')}; target ≤ ${CRASH_TARGET_MS / 1000} s median: **${met(crash.n > 0 && crash.median <= CRASH_TARGET_MS)}**. SIGTERM to removed (mDNS goodbye) **${formatSpread(sigterm)}**${fewer(sigterm, 'stops')}. A restarted node was healthy again ${formatSpread(rejoinSpawn)} after its process was spawned (model load included).`,
    `Client requests that failed while B crashed, stopped or restarted: **${eventFailures} of ${eventRequests}** (${clientTotal.failed} of ${clientTotal.requests} over the whole run); target 0: **${met(eventFailures === 0)}**.`,
  ].map((line) => `**${mode}**: ${line}`);

  const latencyTable: BenchTable = {
    title: `${mode}: latency of one generation (${settings.maxTokens} tokens, ${settings.instances} candidate(s) per node), asked four ways from A's namespace; ${settings.repetitions} interleaved rounds`,
    columns: ['how', 'median ms', 'min ms', 'max ms', 'valid runs', 'tokens generated (median)'],
    rows: LATENCY_CASES.map((latencyCase) => {
      const ofCase = latency.filter((sample) => sample.latencyCase === latencyCase && sample.valid && sample.repetition >= 0);
      const spread = sampleSpread(ofCase.map((sample) => sample.ms));
      const tokens = sampleSpread(ofCase.map((sample) => sample.tokens));
      return [CASE_LABELS[latencyCase], round(spread.median), round(spread.min), round(spread.max), spread.n, round(tokens.median)];
    }),
  };
  const discoveryTable: BenchTable = {
    title: `${mode}: B (re)started: when A listed it healthy`,
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
    title: `${mode}: B stopped: when A listed it removed (SIGTERM) or unhealthy (kill -9)`,
    columns: ['signal', 'signal → A\'s list ms', "signal → A's log ms", 'B was generating a vote'],
    rows: departures.map((sample) => [sample.kind, round(sample.ms), sample.loggedMs === null ? 'no log line' : round(sample.loggedMs), sample.busyWhenSignalled ? 'yes' : 'no']),
  };
  const eventTable: BenchTable = {
    title: `${mode}: client requests to A (chat, max_tokens ${settings.clientMaxTokens}, vote mode, one at a time) in flight during each event`,
    columns: ['event', 'window ms', 'requests', 'failed', 'failures'],
    rows: events.map(({ window, tally }) => [window.label, round(window.to - window.from), tally.requests, tally.failed, describeFailures(tally.failures)]),
  };

  const notes = invalid.length > 0 ? [`${mode}: ${invalid.length} latency sample(s) left out: ${invalid.map((sample) => `${sample.latencyCase} #${sample.repetition + 1}: ${sample.problem ?? 'invalid'}`).join('; ')}.`] : [];
  return { summary, tables: [latencyTable, discoveryTable, departureTable, eventTable], notes };
}

/** `+30 ms`, `-2 ms` (a vote can come out a little faster than local: noise), `+0.4 ms` with 1 digit, `n/a`. */
export function signedMs(value: number, digits = 0): string {
  if (!Number.isFinite(value)) return 'n/a';
  const rounded = Number(value.toFixed(digits));
  return `${rounded >= 0 ? '+' : '−'}${Math.abs(rounded).toFixed(digits)} ms`;
}

function round(value: number): number | string {
  return Number.isFinite(value) ? Math.round(value) : 'n/a';
}

function describeFailures(failures: Readonly<Record<string, number>>): string {
  const entries = Object.entries(failures);
  return entries.length === 0 ? 'none' : entries.map(([reason, count]) => `${count}× ${reason}`).join('; ');
}
