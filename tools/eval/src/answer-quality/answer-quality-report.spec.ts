import { analyseRecords } from '../analysis/analyse-records';
import { PARIS, runRecord, sample, SUM, taskRecord } from '../analysis/testing/record-fixture';
import { buildAnswerQualityResult } from './answer-quality-report';

describe('buildAnswerQualityResult', () => {
  const records = {
    run: runRecord({ factualCount: 1, arithmeticCount: 2 }),
    tasks: [
      taskRecord(PARIS, sample('Lyon'), Array.from({ length: 16 }, () => sample('Paris'))),
      taskRecord(SUM, sample('Answer: 5'), Array.from({ length: 16 }, (_, index) => sample(index % 2 === 0 ? 'Answer: 5' : 'Answer: 6'))),
    ],
    end: undefined,
  };
  const result = buildAnswerQualityResult(records, analyseRecords(records), { startedAt: records.run.startedAt, durationSeconds: 12, recordsFile: 'tmp/eval/x.jsonl' });

  it('is the answer-quality result with tables, notes and one chart per family plus overall', () => {
    expect(result.name).toBe('answer-quality');
    expect(result.tables.map((table) => table.title)).toHaveLength(8);
    expect(result.charts?.map((chart) => chart.title)).toEqual([
      'Accuracy vs votes (k): factual (1 tasks)',
      'Accuracy vs votes (k): arithmetic (1 tasks)',
      'Accuracy vs votes (k): overall (2 tasks)',
    ]);
    expect(result.notes.join('\n')).toMatch(/test machine/);
  });
  it('says plainly that weighted_vote equals majority on one node, and that the run was partial', () => {
    expect(result.summary.join('\n')).toMatch(/reduces to majority here/);
    expect(result.summary.join('\n')).toMatch(/Partial run.*2 of 3 tasks/);
  });
  it('prints each target of the new votes as met or not met', () => {
    const targets = result.summary.filter((line) => line.startsWith('Target '));
    expect(targets).toHaveLength(3);
    expect(targets.every((line) => /^Target \*\*(met|not met)\*\*: /.test(line))).toBe(true);
  });
  it('compares the new grouping with the old and shows calibration by agreement', () => {
    const titles = result.tables.map((table) => table.title).join('\n');
    expect(titles).toMatch(/New grouping .* vs old/);
    expect(titles).toMatch(/Calibration: accuracy of majority@7/);
  });
  it('adds the judge table and line when the judge pass ran', () => {
    const interval = { estimate: 0.5, lo: 0.25, hi: 0.75 };
    const judge = [{ family: 'overall' as const, tasks: 2, judge: interval, majority: interval, judgeMinusMajority: { estimate: 0, lo: -0.5, hi: 0.5 }, asked: 1, parsed: 1, differs: 0, meanReplyTokens: 11, medianWallMs: 900 }];
    const judged = buildAnswerQualityResult(records, analyseRecords(records), { startedAt: records.run.startedAt, durationSeconds: 12, recordsFile: 'x', judge });
    expect(judged.tables.map((table) => table.title).filter((title) => title.startsWith('Judge'))).toHaveLength(1);
    expect(judged.summary.join('\n')).toMatch(/Judge on the first 7 samples of 2 tasks: .*asked on 1 tasks/);
    expect(result.tables.some((table) => table.title.startsWith('Judge'))).toBe(false);
  });
  it('charts majority@k with intervals and greedy / one sample as flat lines', () => {
    const overall = result.charts?.[2];
    const majority = overall?.series.find((series) => series.name.startsWith('majority'));
    expect(majority?.points.map((point) => point.x)).toEqual([1, 3, 5, 7, 8]);
    expect(majority?.points.every((point) => point.lo !== undefined && point.hi !== undefined)).toBe(true);
    const greedy = overall?.series.find((series) => series.name === 'greedy');
    expect(new Set(greedy?.points.map((point) => point.y)).size).toBe(1);
  });
});
