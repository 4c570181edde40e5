import { servingBenchResult, type ServingRun } from './serving-result';
import { summarizeServing } from './serving-stats';
import { parseServingOptions } from './serving-options';

function run(httpMs: number, inProcessMs: number): ServingRun {
  const pairs = [0, 1, 2].map((index) => ({
    http: { completionTokens: 128, wallMs: httpMs },
    inProcess: { completionTokens: 128, wallMs: inProcessMs },
    sameText: true,
    httpFirst: index % 2 === 0,
  }));
  return {
    options: parseServingOptions([], { threads: 2, modelPath: '/m.gguf' }),
    pairs,
    summary: summarizeServing(pairs),
    promptTokens: 29,
    nodeCommand: 'node apps/swarm-node/dist/main.js --instances 1',
    machine: 'test machine',
    startedAt: '2026-01-01T00:00:00.000Z',
    durationSeconds: 30,
    warnings: ['Pair 2 stopped early.'],
  };
}

describe('servingBenchResult', () => {
  it('states the ratio, the target met, and how many runs the medians cover', () => {
    const result = servingBenchResult(run(2040, 2000));
    expect(result.name).toBe('serving-overhead');
    expect(result.summary[0]).toMatch(/medians of 3 each/);
    expect(result.summary[0]).toMatch(/ratio \*\*0\.980\*\*, target >= 0\.95 \*\*met\*\*/);
    expect(result.summary[1]).toMatch(/adds 40\.0 ms per request/);
    expect(result.summary.some((line) => line.includes('test machine'))).toBe(true);
    expect(result.notes).toContain('Pair 2 stopped early.');
  });
  it('calls a negative overhead noise rather than a gain', () => {
    expect(servingBenchResult(run(1990, 2000)).summary[1]).toMatch(/below the run's noise: the median of 3 paired differences is -10\.0 ms/);
  });
  it('says "not met" below the target', () => {
    expect(servingBenchResult(run(2500, 2000)).summary[0]).toMatch(/\*\*not met\*\*/);
  });
  it('has one table row and one chart point per pair on each side', () => {
    const result = servingBenchResult(run(2040, 2000));
    expect(result.tables[0]?.rows).toHaveLength(3);
    expect(result.tables[0]?.rows[1]?.[1]).toBe('in-process');
    expect(result.charts?.[0]?.series.map((series) => series.points.length)).toEqual([3, 3]);
  });
});
