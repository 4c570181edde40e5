import type { BenchChart, BenchTable } from '@local-swarm/bench-kit';
import type { RequestTally } from '../lan/request-tally';
import { sampleSpread } from '../lan/sample-spread';

export const BALANCE_SETUPS = ['one node', 'two nodes'] as const;
export type BalanceSetup = (typeof BALANCE_SETUPS)[number];

export interface BalanceWindow {
  readonly setup: BalanceSetup;
  /** 1-based round; the two setups alternate within a round. */
  readonly round: number;
  readonly seconds: number;
  /** Requests that ended inside the window. */
  readonly inWindow: RequestTally;
  /** Every request of the run that ended before the window closed (warm-up included), for failures. */
  readonly wholeRun: RequestTally;
  /** Requests in flight when the window closed, which the clients hung up on (not failures). */
  readonly cutOff: number;
}

export interface BalanceSettings {
  readonly rounds: number;
  readonly windowMs: number;
  readonly warmupMs: number;
  readonly concurrency: number;
  readonly maxTokens: number;
  /** Where the two-node clients send: node A only (it balances), or both nodes alternately. */
  readonly target: 'a' | 'both';
  readonly instances: number;
}

export interface BalanceNodeIds {
  readonly a: string;
  readonly b: string;
  readonly solo: string;
}

/** The target: two nodes on two cores serve at least 1.8x one node on one core. */
export const BALANCE_TARGET = 1.8;

export interface BalanceReport {
  readonly summary: string[];
  readonly tables: BenchTable[];
  readonly notes: string[];
  readonly charts: BenchChart[];
  readonly ratio: number;
}

const perSecond = (count: number, seconds: number): number => (seconds > 0 ? count / seconds : Number.NaN);

/** Throughput of each window, their medians per setup, the ratio, the split and the failures. */
export function balanceReport(settings: BalanceSettings, windows: readonly BalanceWindow[], ids: BalanceNodeIds): BalanceReport {
  const of = (setup: BalanceSetup): BalanceWindow[] => windows.filter((window) => window.setup === setup);
  const requestsPerSecond = (setup: BalanceSetup) => sampleSpread(of(setup).map((window) => perSecond(window.inWindow.completed, window.seconds)));
  const tokensPerSecond = (setup: BalanceSetup) => sampleSpread(of(setup).map((window) => perSecond(window.inWindow.completionTokens, window.seconds)));
  const one = requestsPerSecond('one node');
  const two = requestsPerSecond('two nodes');
  const oneTokens = tokensPerSecond('one node');
  const twoTokens = tokensPerSecond('two nodes');
  const ratio = two.median / one.median;
  const tokenRatio = twoTokens.median / oneTokens.median;
  const served = (id: string): number => of('two nodes').reduce((sum, window) => sum + (window.inWindow.byNode[id] ?? 0), 0);
  const servedA = served(ids.a);
  const servedB = served(ids.b);
  const servedTotal = servedA + servedB;
  const failed = windows.reduce((sum, window) => sum + window.wholeRun.failed, 0);
  const sent = windows.reduce((sum, window) => sum + window.wholeRun.requests, 0);
  const share = (count: number): string => (servedTotal > 0 ? `${Math.round((100 * count) / servedTotal)}%` : 'n/a');
  const n = Math.min(one.n, two.n);

  const summary = [
    `Two nodes (one core each, \`balance\` mode) completed **${two.median.toFixed(2)} requests/s** vs **${one.median.toFixed(2)}** for one node on one core, same load (${settings.concurrency} clients, max_tokens ${settings.maxTokens}): **${ratio.toFixed(2)}x** (medians of ${n} interleaved ${settings.windowMs / 1000} s windows); target ≥ ${BALANCE_TARGET}x: **${ratio >= BALANCE_TARGET ? 'met' : 'not met'}**.`,
    `Generated tokens: ${twoTokens.median.toFixed(1)} tokens/s vs ${oneTokens.median.toFixed(1)} (${tokenRatio.toFixed(2)}x).`,
    `Split of the two-node requests: A ${servedA} (${share(servedA)}), B ${servedB} (${share(servedB)}); clients sent to ${settings.target === 'a' ? 'A only, which balanced them' : 'A and B alternately, each balancing'}.`,
    `Failed requests: **${failed} of ${sent}** (every request of every run that ended before its window closed, warm-up included).`,
  ];
  const table: BenchTable = {
    title: `Throughput per window (${settings.windowMs / 1000} s after ${settings.warmupMs / 1000} s of warm-up; requests that ended inside it)`,
    columns: ['round', 'setup', 'completed', 'requests/s', 'tokens/s', `served by A`, `served by B`, 'failed (whole run)', 'cut off at close'],
    rows: windows.map((window) => [
      window.round,
      window.setup,
      window.inWindow.completed,
      Number(perSecond(window.inWindow.completed, window.seconds).toFixed(2)),
      Number(perSecond(window.inWindow.completionTokens, window.seconds).toFixed(1)),
      window.setup === 'two nodes' ? (window.inWindow.byNode[ids.a] ?? 0) : '–',
      window.setup === 'two nodes' ? (window.inWindow.byNode[ids.b] ?? 0) : '–',
      window.wholeRun.failed,
      window.cutOff,
    ]),
  };
  const chart: BenchChart = {
    title: 'Balance mode: requests per second, window by window',
    xLabel: 'round',
    yLabel: 'completed requests / s',
    series: BALANCE_SETUPS.map((setup) => ({
      name: setup === 'one node' ? 'one node, one core' : 'two nodes, balance',
      points: of(setup).map((window) => ({ x: window.round, y: perSecond(window.inWindow.completed, window.seconds) })),
    })),
  };
  const notes = [
    `Two nodes A and B in network namespaces on one bridge (libs/test-netns), federated by mDNS, pinned with \`taskset -c 0\` / \`taskset -c 1\`, \`--threads 1 --instances ${settings.instances} --context-size 512\`; the one-node baseline is a node without federation in its own namespace, pinned to core 0 (A and B sit idle meanwhile). The setups alternate window by window.`,
    `Load: ${settings.concurrency} clients in a closed loop (each sends its next request when its last returns), from inside the namespace of the node they ask, each request \`POST /v1/completions\` with header \`x-swarm-mode: balance\`, a prompt that never ends by itself, max_tokens ${settings.maxTokens}, temperature 0.7, one candidate per request (= instances).`,
    'When a window closes the clients hang up on the requests still in flight (the nodes stop generating them at once), so the next window starts on idle nodes; those requests are neither completed nor failed.',
    'A window counts the requests that ended inside it; with about 1 s per request and node, a window of 10 s holds about 10 per node, so one request more or less moves a window by some 5-10%: the median over windows is the figure.',
  ];
  return { summary, tables: [table], notes, charts: [chart], ratio };
}
