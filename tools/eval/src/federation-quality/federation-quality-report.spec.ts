import { federationQualityReport } from './federation-quality-report';
import { nineCandidates, observationOf, parisTask, replyOf, runOf } from './testing/fixtures';

describe('federationQualityReport', () => {
  const candidates = nineCandidates([
    ['Lyon', 'Lyon', 'Paris'],
    ['Paris', 'Paris', 'Lyon'],
    ['Paris', 'Marseille', 'Nice'],
  ]);
  const report = federationQualityReport(runOf([observationOf(parisTask, replyOf(candidates, 3), { 'fq-a': 1, 'fq-b': 1, 'fq-c': 2 })]));

  it('charts accuracy along one node → the SmolLM2 pair → all three, per strategy, plus the other model alone', () => {
    const [chart] = report.charts;
    expect(chart?.series.map((series) => series.points.map((point) => point.x))).toEqual([[1, 2, 3], [1, 2, 3], [1, 2, 3], [1]]);
    expect(chart?.series[0]?.points[0]).toEqual({ x: 1, y: 0, lo: 0, hi: 0 });
    expect(chart?.series[0]?.points[2]).toEqual({ x: 3, y: 100, lo: 100, hi: 100 });
    expect(chart?.series[3]?.name).toMatch(/Gemma 3 270M only \(C\)/);
  });

  it('writes one row per view in the accuracy and cost tables', () => {
    const accuracy = report.tables[0];
    expect(accuracy?.rows.map((row) => row[0])).toEqual(['one node (A, SmolLM2-135M)', 'SmolLM2-135M only (A+B)', 'Gemma 3 270M only (C)', 'federation (A+B+C)']);
    expect(accuracy?.rows[0]?.[1]).toBe(3);
    expect(report.tables.at(-2)?.rows).toHaveLength(4);
    expect(report.tables.at(-1)?.rows).toEqual([['f1', 'Paris', 'Lyon', 'Paris', 'wrong', expect.any(String) as unknown, expect.any(String) as unknown, 'right']]);
  });

  it('states the headline figures and the caveats in words', () => {
    expect(report.summary.join('\n')).toMatch(/Federation − one node, paired: majority \+100 pts/);
    expect(report.summary.join('\n')).not.toMatch(/NaN/);
    expect(report.notes[0]).toBe('test machine');
    expect(report.notes.join('\n')).toMatch(/BASE model/);
  });
});
