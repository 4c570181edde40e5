import type { RequestTally } from '../lan/request-tally';
import { balanceReport, type BalanceSettings, type BalanceWindow } from './balance-report';

const SETTINGS: BalanceSettings = { rounds: 3, windowMs: 10_000, warmupMs: 1_000, concurrency: 4, maxTokens: 32, target: 'a', instances: 1 };
const IDS = { a: 'bench-a', b: 'bench-b', solo: 'bench-solo' };

const tally = (completed: number, byNode: Record<string, number>, failed = 0): RequestTally => ({
  requests: completed + failed,
  completed,
  failed,
  completionTokens: completed * 32,
  byNode,
  failures: failed > 0 ? { 'HTTP 503': failed } : {},
});

const windows: BalanceWindow[] = [
  { setup: 'one node', round: 1, seconds: 10, inWindow: tally(10, { 'bench-solo': 10 }), wholeRun: tally(12, {}), cutOff: 4 },
  { setup: 'two nodes', round: 1, seconds: 10, inWindow: tally(19, { 'bench-a': 10, 'bench-b': 9 }), wholeRun: tally(22, {}), cutOff: 4 },
  { setup: 'one node', round: 2, seconds: 10, inWindow: tally(9, { 'bench-solo': 9 }), wholeRun: tally(11, {}), cutOff: 4 },
  { setup: 'two nodes', round: 2, seconds: 10, inWindow: tally(20, { 'bench-a': 10, 'bench-b': 10 }), wholeRun: tally(23, {}, 1), cutOff: 4 },
  { setup: 'one node', round: 3, seconds: 10, inWindow: tally(11, { 'bench-solo': 11 }), wholeRun: tally(13, {}), cutOff: 4 },
  { setup: 'two nodes', round: 3, seconds: 10, inWindow: tally(18, { 'bench-a': 9, 'bench-b': 9 }), wholeRun: tally(21, {}), cutOff: 4 },
];

describe('balanceReport', () => {
  const report = balanceReport(SETTINGS, windows, IDS);
  it('takes the ratio of the median throughputs', () => {
    expect(report.ratio).toBeCloseTo(1.9);
    expect(report.summary[0]).toContain('**1.90 requests/s** vs **1.00**');
    expect(report.summary[0]).toContain('**1.90x**');
    expect(report.summary[0]).toContain('target ≥ 1.8x: **met**');
  });
  it('reports the split between the nodes and every failure', () => {
    expect(report.summary[2]).toContain('A 29 (51%), B 28 (49%)');
    expect(report.summary[3]).toContain('**1 of 103**');
  });
  it('tabulates and charts each window', () => {
    expect(report.tables[0]?.rows).toHaveLength(6);
    expect(report.tables[0]?.rows[1]).toEqual([1, 'two nodes', 19, 1.9, 60.8, 10, 9, 0, 4]);
    expect(report.charts[0]?.series.map((series) => series.points.map((point) => point.y))).toEqual([
      [1, 0.9, 1.1],
      [1.9, 2, 1.8],
    ]);
  });
  it('says when the target is not met', () => {
    const slow = windows.map((window) => (window.setup === 'two nodes' ? { ...window, inWindow: tally(15, { 'bench-a': 15 }) } : window));
    expect(balanceReport(SETTINGS, slow, IDS).summary[0]).toContain('**not met**');
  });
});
