import { call, PARIS, runRecord, sample, SUM, taskRecord } from '../analysis/testing/record-fixture';
import type { RecordsFile } from '../records/records-file';
import type { TaskRecord } from '../records/answer-record';
import { pairRuns } from './paired-runs';

const paris = taskRecord(PARIS, sample('Paris.'), [sample('Paris.')]);
const sum = taskRecord(SUM, sample('Answer: 5'), [sample('Answer: 5')]);
const file = (tasks: readonly TaskRecord[], overrides: Parameters<typeof runRecord>[0] = {}): RecordsFile => ({ run: runRecord(overrides), tasks, end: undefined });

describe('pairRuns', () => {
  it('pairs tasks by id in the baseline order, whatever the candidate order', () => {
    const pairs = pairRuns(file([paris, sum]), file([sum, paris], { model: 'other.gguf', modelId: 'other' }));
    expect(pairs.map((pair) => [pair.baseline.task.id, pair.candidate.task.id])).toEqual([
      ['f1', 'f1'],
      ['a1', 'a1'],
    ]);
  });

  it('refuses runs with another seed, sample count or sampling setting, naming each', () => {
    expect(() => pairRuns(file([paris]), file([paris], { seed: 2 }))).toThrow(/seed 1 vs 2/);
    expect(() => pairRuns(file([paris]), file([paris], { samples: 8 }))).toThrow(/samples 16 vs 8/);
    expect(() => pairRuns(file([paris]), file([paris], { temperature: 0.8 }))).toThrow(/temperature/);
    expect(() => pairRuns(file([paris]), file([paris], { maxTokens: { factual: 32, arithmetic: 48 } }))).toThrow(/maxTokens/);
  });

  it('refuses runs of different tasks, listing those on one side only', () => {
    expect(() => pairRuns(file([paris, sum]), file([paris]))).toThrow(/only in the baseline: a1/);
    expect(() => pairRuns(file([paris]), file([paris, sum]))).toThrow(/only in the candidate: a1/);
  });

  it('refuses a task whose calls used other seeds', () => {
    const reseeded: TaskRecord = { ...paris, sampled: { ...call([sample('Paris.')]), seed: 99 } };
    expect(() => pairRuns(file([paris]), file([reseeded]))).toThrow(/f1 sampled: seed 1\/99/);
  });

  it('refuses two empty runs', () => {
    expect(() => pairRuns(file([]), file([]))).toThrow(/neither run holds a task/);
  });
});
