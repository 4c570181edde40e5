import { formatRecord, parseRecords } from './records-file';
import { PARIS, runRecord, sample, taskRecord } from '../analysis/testing/record-fixture';

describe('records file', () => {
  const task = taskRecord(PARIS, sample('Paris'), [sample('Paris')]);
  it('reads back what was written', () => {
    const text = formatRecord(runRecord()) + formatRecord(task) + formatRecord({ type: 'end', durationSeconds: 3, completedTasks: 1 });
    const records = parseRecords(text);
    expect(records.run.seed).toBe(1);
    expect(records.tasks).toEqual([task]);
    expect(records.end?.completedTasks).toBe(1);
  });
  it('ignores a last line cut off mid-write', () => {
    const text = formatRecord(runRecord()) + formatRecord(task) + '{"type":"task","ta';
    const records = parseRecords(text);
    expect(records.tasks).toHaveLength(1);
    expect(records.end).toBeUndefined();
  });
  it('refuses a file without a run header, of another version, or with garbage inside', () => {
    expect(() => parseRecords('')).toThrow(/no run record/);
    expect(() => parseRecords(formatRecord(task))).toThrow(/not a run record/);
    expect(() => parseRecords(formatRecord(runRecord({ version: 99 })))).toThrow(/version 99/);
    expect(() => parseRecords(formatRecord(runRecord()) + 'oops\n' + formatRecord(task))).toThrow(/line 2 is not JSON/);
  });
});
