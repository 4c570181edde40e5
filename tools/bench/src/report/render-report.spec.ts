import type { BenchResult } from '@local-swarm/bench-kit';
import { anchor, renderReport } from './render-report';

const result: BenchResult = {
  name: 'consensus-cost',
  title: 'Consensus cost: N candidates vs one',
  command: 'node tools/bench/dist/consensus-cost/main.js',
  startedAt: '2026-11-25T03:00:00.000Z',
  durationSeconds: 140,
  summary: ['N=4 takes **1.8x** one candidate (target 1.5x: not met)'],
  tables: [{ title: 'Wall time', columns: ['N', 'ms'], rows: [[1, 1300], [4, 2340]] }],
  notes: ['2 cores'],
  charts: [{ title: 'Cost', xLabel: 'N', yLabel: 'x', series: [{ name: 'batched', points: [{ x: 1, y: 1 }] }] }],
};
const base = { machine: 'AMD EPYC, 2 cores', command: 'bash tools/scripts/bench-all.sh', startedAt: 'now', totalSeconds: 754, revision: 'abc123' };

describe('renderReport', () => {
  it('puts the command, machine, summary, chart, tables and notes of each benchmark in order', () => {
    const text = renderReport({ ...base, outcomes: [{ status: 'ok', result, chartFiles: ['benchmarks/consensus-cost-1.svg'] }] });
    expect(text).toContain('Command: `bash tools/scripts/bench-all.sh` — 12 min 34 s in all');
    expect(text).toContain('Machine: AMD EPYC, 2 cores.');
    expect(text).toContain('- [Consensus cost: N candidates vs one](#consensus-cost-n-candidates-vs-one)');
    const order = ['## Consensus cost', '- N=4 takes **1.8x**', '![Cost](benchmarks/consensus-cost-1.svg)', '### Wall time', '| 4 | 2340 |', '- 2 cores'];
    const positions = order.map((fragment) => text.indexOf(fragment));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(text).not.toContain('failed in this run');
  });

  it('says plainly which benchmarks failed, with their error', () => {
    const text = renderReport({
      ...base,
      outcomes: [
        { status: 'ok', result, chartFiles: [] },
        { status: 'failed', name: 'balance', title: 'Balance mode', command: 'node x', seconds: 90, error: 'timed out after 90 s\nlast line' },
      ],
    });
    expect(text).toContain('**1 of 2 benchmarks failed in this run:** balance');
    expect(text).toContain('**Failed** after 90 s: timed out after 90 s');
  });
});

describe('renderReport with results kept from an earlier run', () => {
  it('says which sections were measured in an earlier run, and when', () => {
    const text = renderReport({ ...base, outcomes: [{ status: 'ok', result, chartFiles: [], fromEarlierRun: true }] });
    expect(text).toContain('(140 s in an earlier run, started 2026-11-25T03:00:00.000Z)');
    expect(text).toContain('This run measured 0 of 1 benchmarks; consensus-cost is kept from an earlier run');
  });
});

describe('anchor', () => {
  it('matches GitHub heading anchors', () => {
    expect(anchor('Memory: 1, 3, 5, 8 instances')).toBe('memory-1-3-5-8-instances');
    expect(anchor('`balance` mode')).toBe('balance-mode');
  });
});
