import { PARIS, runRecord, sample, taskRecord } from '../analysis/testing/record-fixture';
import type { RecordsFile } from '../records/records-file';
import { compareModels } from './compare-models';
import { accuracyVerdict } from './comparison-verdict';
import { buildModelComparisonResult, type ComparisonContext } from './model-comparison-report';

const right = sample('Paris.');
const wrong = sample('Lyon.');
const records = (model: string): RecordsFile => ({ run: runRecord({ model, samples: 3 }), tasks: [], end: undefined });
const context: ComparisonContext = {
  baseline: records('a.Q4_1.gguf'),
  candidate: records('a.Q4_0.gguf'),
  baselineFile: 'a.jsonl',
  candidateFile: 'b.jsonl',
  resamples: 100,
  startedAt: '2026-01-01T00:00:00.000Z',
  durationSeconds: 1,
  maxDiscordantRows: 1,
};

describe('buildModelComparisonResult', () => {
  const pairs = [
    { baseline: taskRecord({ ...PARIS, id: 't1' }, right, [right, right, right]), candidate: taskRecord({ ...PARIS, id: 't1' }, wrong, [wrong, wrong, right]) },
    { baseline: taskRecord({ ...PARIS, id: 't2' }, wrong, [wrong, wrong, wrong]), candidate: taskRecord({ ...PARIS, id: 't2' }, right, [right, right, right]) },
    { baseline: taskRecord({ ...PARIS, id: 't3' }, right, [right, right, right]), candidate: taskRecord({ ...PARIS, id: 't3' }, right, [right, wrong, wrong]) },
  ];
  const comparison = compareModels(pairs, { ks: [3], seed: 1, resamples: 100, baselineModelId: 'a', candidateModelId: 'b' });
  const result = buildModelComparisonResult(comparison, accuracyVerdict(comparison), context);

  it('leads with the verdict and names the measures that fail', () => {
    expect(result.name).toBe('model-comparison');
    expect(result.summary[0]).toMatch(/^\*\*FAIL\*\*: a\.Q4_0\.gguf vs a\.Q4_1\.gguf on 3 paired tasks/);
    expect(result.summary[0]).toMatch(/majority@3 drops by more than 2 points/);
  });

  it('lists the discordant tasks, cut to the row limit, saying how many there are', () => {
    const table = result.tables[2];
    expect(table?.title).toMatch(/first 1 of 3/);
    expect(table?.rows).toEqual([['t1', '1 → 0', '1.00 → 0.00', '100.0% → 33.3%', '0.0% → 0.0%']]);
  });
});
