import type { BenchTable } from '@local-swarm/bench-kit';
import { formatSpread } from '../lan/sample-spread';
import { LATENCY_CASES, type FederationMode, type LatencyCase, type LatencySample } from './federation-samples';
import { compareLatency, type LatencyComparison } from './latency-comparison';
import { CASE_LABELS, modeReport, signedMs, type FederationReport, type FederationSettings, type ModeMeasurements } from './mode-report';

export type { FederationReport, FederationSettings, ModeMeasurements } from './mode-report';

export interface FederationMeasurements {
  readonly settings: FederationSettings;
  /** One entry per mode run (sealed, open or both, measured side by side). */
  readonly modes: readonly ModeMeasurements[];
}

/** Most that sealing may add to a peer's vote: median sealed minus median open, side by side. */
export const SEALING_TARGET_MS = 2;

/** What sealing costs a peer's vote: sealed vs open `b-vote`, paired by round; null unless both modes ran. */
export function sealingOverhead(modes: readonly ModeMeasurements[]): LatencyComparison | null {
  const sealed = modes.find((run) => run.mode === 'sealed');
  const open = modes.find((run) => run.mode === 'open');
  if (sealed === undefined || open === undefined) return null;
  const peerVotes = (samples: readonly LatencySample[]): LatencySample[] => samples.filter((sample) => sample.latencyCase === 'b-vote');
  return compareLatency(peerVotes(sealed.latency), peerVotes(open.latency));
}

/** Turns the measurements into the result's summary bullets (sealing overhead first), tables and notes. */
export function federationReport(measurements: FederationMeasurements): FederationReport {
  const { settings, modes } = measurements;
  const perMode = modes.map((run) => modeReport(settings, run));
  const overhead = sealingOverhead(modes);
  const sideBySide = overhead === null ? [] : [sealingSummary(overhead)];
  const { instances, maxTokens, repetitions } = settings;
  const notes = [
    `Each mode runs a pair of nodes, A and B, each in its own network namespace on a bridge of the pair's own (libs/test-netns), so the pairs never see each other's mDNS adverts; A nodes are pinned with \`taskset -c 0\`, B nodes with \`taskset -c 1\`, \`--threads 1 --instances ${instances} --context-size 512 --federation\`, mDNS discovery on. sealed: one swarm key file (0600) shared by the pair, a config dir per node (its Ed25519 identity, kept across restarts), B known by the node id its own \`/health\` reports (derived from its key); open: \`--federation-open --node-id bench-a/bench-b\`. Every request is made from inside A's namespace by a small driver process that times it there.`,
    `Latency: a text prompt that never ends by itself ("Counting from one to one thousand: …"), max_tokens ${maxTokens}, temperature 0.7, top_p 0.95, one seed per round shared by the four ways and both modes; ${repetitions} rounds, in each the four ways in turn, each asked of one pair and then the other, with the order of ways and of pairs rotating round by round; one unmeasured round warms every node first. "B alone" and "A alone" are balance-mode requests to an idle pair, which stay on the node asked (ties go to the local node); every reply's \`consensus.sources\` is checked for who answered.`,
    "A sealed peer vote is sent by the benchmark as a member of the pair's swarm (its own identity, the same key), sealed here and its reply opened here; the time to seal and open is added to the driver's HTTP time, so it holds all a peer pays. An open peer vote is plain JSON in A's name.",
    "A vote request carries the seed, but B mixes its node id into it (nodes with one model must not sample the same candidates), so the vote's text differs from B's own answer; the length does not (the prompt never stops), which the tokens column shows.",
    `Discovery counts the first start and the starts after a SIGTERM (B absent from A's list before); starts after a kill -9 are rejoins (A still listed B as unhealthy and its health checks, every 2 s, may find B before mDNS does) and are listed apart. A's list is polled every 25 ms from inside A's namespace; A's own log line is given beside it. Nodes use distinct ports (17615, 17616), so their mDNS names do not collide: every namespace shares this machine's hostname.`,
    `Events alternate between the modes (SIGTERM #1 sealed, then open, ...). During each, a client loop sends chat requests to that mode's A without pause, so B was usually generating a vote when signalled. A failed vote counts as a failed health check, so a crash is noticed faster under load than idle (idle: health checks every 2 s, unhealthy after 2 failures). SIGTERM to removed is timed from the signal, so it includes B's graceful shutdown (finishing or cancelling the vote in hand, closing the server) before its goodbye goes out. Each event's window runs from the signal (or spawn) until A's list showed the change, plus ${settings.settleMs} ms; a request in flight at any moment of it is charged to it.`,
    ...perMode.flatMap((report) => report.notes),
  ];
  return {
    summary: [...sideBySide, ...perMode.flatMap((report) => report.summary)],
    tables: [...(overhead === null ? [] : [sideBySideTable(modes)]), ...perMode.flatMap((report) => report.tables)],
    notes,
  };
}

function sealingSummary(overhead: LatencyComparison): string {
  // Both estimates must be within the target: generation noise can hide the cost in either one.
  const met = overhead.fast.n > 0 && overhead.slow.n > 0 && Math.max(overhead.addedMs, overhead.pairedAddedMs) <= SEALING_TARGET_MS;
  return `Sealing: a peer's vote sealed (protocol 2) took ${formatSpread(overhead.slow)} vs ${formatSpread(overhead.fast)} open, side by side in the same rounds: **${signedMs(overhead.addedMs, 1)}, ${overhead.ratio.toFixed(3)}x** (median of per-round differences ${signedMs(overhead.pairedAddedMs, 1)}). Target ≤ ${SEALING_TARGET_MS} ms for both: **${met ? 'met' : 'not met'}**.`;
}

/** Median of every latency case in each mode, and the difference, side by side. */
function sideBySideTable(modes: readonly ModeMeasurements[]): BenchTable {
  const of = (mode: FederationMode, latencyCase: LatencyCase): LatencySample[] => modes.find((run) => run.mode === mode)?.latency.filter((sample) => sample.latencyCase === latencyCase) ?? [];
  return {
    title: 'Sealed vs open, the same rounds: median ms of each way of asking',
    columns: ['how', 'sealed ms', 'open ms', 'sealed − open ms', 'valid runs (sealed/open)'],
    rows: LATENCY_CASES.map((latencyCase) => {
      const comparison = compareLatency(of('sealed', latencyCase), of('open', latencyCase));
      const whole = (value: number): number | string => (Number.isFinite(value) ? Math.round(value * 10) / 10 : 'n/a');
      return [CASE_LABELS[latencyCase], whole(comparison.slow.median), whole(comparison.fast.median), whole(comparison.addedMs), `${comparison.slow.n}/${comparison.fast.n}`];
    }),
  };
}
