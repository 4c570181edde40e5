import type { RequestTally } from '../lan/request-tally';
import { federationReport, sealingOverhead, type FederationMeasurements, type ModeMeasurements } from './federation-report';
import { addedLatency } from './latency-comparison';
import { signedMs } from './mode-report';
import type { LatencyCase, LatencySample } from './federation-samples';

const sample = (repetition: number, latencyCase: LatencyCase, ms: number, tokens = 32, valid = true): LatencySample => ({ repetition, latencyCase, ms, tokens, valid });

const LATENCY: LatencySample[] = [
  sample(-1, 'b-local', 5000), // warm-up: never counted
  sample(0, 'b-local', 1000),
  sample(0, 'b-vote', 1030),
  sample(0, 'a-vote', 1100, 64),
  sample(0, 'a-alone', 990),
  sample(1, 'b-local', 1020),
  sample(1, 'b-vote', 1040),
  sample(1, 'a-vote', 1150, 64),
  sample(1, 'a-alone', 1000),
  sample(2, 'b-local', 980),
  sample(2, 'b-vote', 1010),
  sample(2, 'a-vote', Number.NaN, 0, false),
  sample(2, 'a-alone', 1010),
];

const tally = (requests: number, failed: number): RequestTally => ({
  requests,
  completed: requests - failed,
  failed,
  completionTokens: 0,
  byNode: {},
  failures: failed > 0 ? { 'no reply: fetch failed': failed } : {},
});

const SEALED: ModeMeasurements = {
  mode: 'sealed',
  latency: LATENCY,
  discoveries: [
    { kind: 'first start', spawnToHealthyMs: 6600, advertiseToHealthyMs: 880, announceToHealthyMs: 50, advertiseToLoggedHealthyMs: 870 },
    { kind: 'after SIGTERM', spawnToHealthyMs: 6300, advertiseToHealthyMs: 890, announceToHealthyMs: 40, advertiseToLoggedHealthyMs: null },
    { kind: 'after kill -9', spawnToHealthyMs: 6700, advertiseToHealthyMs: 1600, announceToHealthyMs: 750, advertiseToLoggedHealthyMs: 1610 },
  ],
  departures: [
    { kind: 'SIGTERM', ms: 420, loggedMs: 400, busyWhenSignalled: true },
    { kind: 'kill -9', ms: 140, loggedMs: null, busyWhenSignalled: false },
  ],
  events: [
    { window: { label: 'SIGTERM #1', kind: 'SIGTERM', from: 0, to: 1420 }, tally: tally(5, 0) },
    { window: { label: 'kill -9 #1', kind: 'kill -9', from: 2000, to: 3140 }, tally: tally(4, 1) },
  ],
  clientTotal: tally(40, 1),
};

const SETTINGS = { repetitions: 3, events: 2, maxTokens: 32, instances: 1, clientMaxTokens: 8, settleMs: 1000 };
/** The open pair: the same rounds, each peer vote 1.5 ms faster than the sealed one. */
const OPEN: ModeMeasurements = {
  ...SEALED,
  mode: 'open',
  latency: LATENCY.map((sample) => (sample.latencyCase === 'b-vote' ? { ...sample, ms: sample.ms - 1.5 } : sample)),
  departures: [{ kind: 'kill -9', ms: 3400, loggedMs: null, busyWhenSignalled: false }],
  events: [],
};
const MEASUREMENTS: FederationMeasurements = { settings: SETTINGS, modes: [SEALED] };

describe('addedLatency', () => {
  it('compares medians of valid measured rounds and pairs rounds', () => {
    expect(addedLatency(LATENCY, 'b-vote', 'b-local')).toEqual({
      slow: { n: 3, median: 1030, min: 1010, max: 1040 },
      fast: { n: 3, median: 1000, min: 980, max: 1020 },
      addedMs: 30,
      ratio: 1.03,
      pairedAddedMs: 30,
    });
  });
  it('leaves out invalid samples and their pairs', () => {
    const endToEnd = addedLatency(LATENCY, 'a-vote', 'a-alone');
    expect(endToEnd.slow.n).toBe(2);
    expect(endToEnd.addedMs).toBeCloseTo(1125 - 1000);
    expect(endToEnd.pairedAddedMs).toBeCloseTo(130);
  });
});

describe('federationReport', () => {
  const report = federationReport(MEASUREMENTS);
  it('states the added latency of a vote and end to end', () => {
    expect(report.summary[0]).toContain('**+30 ms, 1.03x**');
    expect(report.summary[1]).toContain('**+125 ms, 1.13x**');
  });
  it('takes discovery from fresh starts only, and says when fewer than 3 were measured', () => {
    expect(report.summary[2]).toContain('**885 ms (median of 2, range 880–890)** (only 2 starts: fewer than the 3 asked)');
    expect(report.summary[2]).toContain('**met**');
  });
  it('reports crash and SIGTERM times', () => {
    expect(report.summary[3]).toContain('`kill -9` to unhealthy in A\'s list **140 ms (median of 1, range 140–140)**');
    expect(report.summary[3]).toContain('SIGTERM to removed (mDNS goodbye) **420 ms');
  });
  it('counts failed client requests against the target of 0', () => {
    expect(report.summary[4]).toContain('**1 of 9**');
    expect(report.summary[4]).toContain('**not met**');
    expect(report.tables[3]?.rows[1]).toEqual(['kill -9 #1', 1140, 4, 1, '1× no reply: fetch failed']);
  });
  it('marks every line with its mode', () => {
    expect(report.summary.every((line) => line.startsWith('**sealed**: '))).toBe(true);
  });
  it('lists the samples it left out', () => {
    expect(report.notes.some((note) => note.includes('a-vote #3'))).toBe(true);
    expect(report.tables[1]?.rows[1]?.[4]).toBe('no log line');
  });
});

describe('sealing overhead, sealed and open side by side', () => {
  const both = federationReport({ settings: SETTINGS, modes: [SEALED, OPEN] });
  it('is the sealed peer vote minus the open one, paired by round', () => {
    expect(sealingOverhead([SEALED, OPEN])).toMatchObject({ addedMs: 1.5, pairedAddedMs: 1.5 });
    expect(sealingOverhead([SEALED])).toBeNull();
  });
  it('states the overhead first, against the target of 2 ms', () => {
    expect(both.summary[0]).toContain('**+1.5 ms, 1.001x**');
    expect(both.summary[0]).toContain('Target ≤ 2 ms for both: **met**');
    const slower = federationReport({ settings: SETTINGS, modes: [SEALED, { ...OPEN, latency: LATENCY.map((sample) => ({ ...sample, ms: sample.ms - 5 })) }] });
    expect(slower.summary[0]).toContain('**not met**');
  });
  it('reports each mode against its targets', () => {
    expect(both.summary.filter((line) => line.startsWith('**open**: ')).length).toBe(5);
    expect(both.summary.find((line) => line.startsWith('**open**: Crash'))).toContain('target ≤ 3 s median: **not met**');
    expect(both.summary.find((line) => line.startsWith('**sealed**: Crash'))).toContain('target ≤ 3 s median: **met**');
  });
  it('puts the two modes side by side in one table', () => {
    expect(both.tables[0]?.rows[1]).toEqual([expect.stringContaining('federation/vote'), 1030, 1028.5, 1.5, '3/3']);
  });
});

describe('signedMs', () => {
  it.each([
    [30.4, '+30 ms'],
    [-2.2, '−2 ms'],
    [0, '+0 ms'],
    [Number.NaN, 'n/a'],
  ])('%p → %s', (value, text) => {
    expect(signedMs(value)).toBe(text);
  });
  it('gives a fraction of a ms when asked', () => {
    expect(signedMs(0.44, 1)).toBe('+0.4 ms');
    expect(signedMs(-1.26, 1)).toBe('−1.3 ms');
  });
});
