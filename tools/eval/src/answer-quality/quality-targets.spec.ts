import { analyseRecords } from '../analysis/analyse-records';
import { PARIS, runRecord, sample, taskRecord } from '../analysis/testing/record-fixture';
import type { FactualTask } from '../tasks/eval-task';
import { qualityTargets } from './quality-targets';

/** A factual task about Paris whose 16 samples are built from the given texts (7 + 7 + 2). */
function task(id: string, greedy: string, texts: readonly string[]): ReturnType<typeof taskRecord> {
  const factual: FactualTask = { ...(PARIS as FactualTask), id };
  return taskRecord(factual, sample(greedy), texts.map((text) => sample(text)));
}

const SENTENCES = ['The capital of France is Paris.', 'It is Paris.', 'Paris', 'Lyon', 'Lyon', 'Nice', 'Rome'];
const SURE = Array(7).fill('Paris');
const SCATTERED = ['Lyon', 'Nice', 'Rome', 'Metz', 'Pau', 'Albi', 'Agen'];

function targetsOf(tasks: ReturnType<typeof task>[]): ReturnType<typeof qualityTargets> {
  const analysis = analyseRecords({ run: runRecord(), tasks, end: undefined }, { ks: [7], earlyExitKs: [], modelId: 'model', seed: 1, resamples: 300 });
  const overall = analysis.summaries.find((summary) => summary.family === 'overall');
  if (overall === undefined) throw new Error('no overall summary');
  return qualityTargets(overall);
}

describe('qualityTargets', () => {
  it('are met when the new grouping wins where greedy and the old grouping lose, and agreement tells right from wrong', () => {
    // 12 tasks: greedy wrong everywhere; the first group of 7 is won only by grouping by meaning
    // (3 of 7 agree: below 0.6), the second is unanimous Paris (agreement 1, right).
    const tasks = Array.from({ length: 12 }, (_, index) => task(`t${index}`, 'Lyon', [...SENTENCES, ...SURE, 'Lyon', 'Lyon']));
    // 4 tasks where the scattered group is wrong at low agreement, to make "below 0.6" less right.
    tasks.push(...Array.from({ length: 4 }, (_, index) => task(`s${index}`, 'Lyon', [...SCATTERED, ...SURE, 'Lyon', 'Lyon'])));
    const [greedy, old, calibration] = targetsOf(tasks);
    expect(greedy?.met).toBe(true);
    expect(old?.met).toBe(true);
    expect(calibration?.met).toBe(true);
    expect(calibration?.evidence).toMatch(/100\.0% of 16 vs 75\.0% of 16/);
  });
  it('are not met when the votes beat neither greedy nor the old grouping; the gap needs votes on both sides', () => {
    const tasks = Array.from({ length: 8 }, (_, index) => task(`t${index}`, 'Paris', [...SURE, ...SCATTERED, 'Lyon', 'Lyon']));
    const [greedy, old, calibration] = targetsOf(tasks);
    expect(greedy?.met).toBe(false);
    expect(old?.met).toBe(false);
    // Agreement 1 is always right and 1/7 always wrong here: the gap is 100 points.
    expect(calibration?.met).toBe(true);
    // Below 0.6 right 9 times in 10, at 1 always: 10 points, short of the 20 asked for.
    const LOW_RIGHT = ['Paris', 'Paris', 'Paris', 'Lyon', 'Nice', 'Rome', 'Metz'];
    const small = targetsOf(Array.from({ length: 10 }, (_, index) => task(`g${index}`, 'Paris', [...SURE, ...(index === 0 ? SCATTERED : LOW_RIGHT), 'Lyon', 'Lyon'])));
    expect(small[2]?.met).toBe(false);
    expect(small[2]?.evidence).toMatch(/100\.0% of 10 vs 90\.0% of 10: \+10\.0 pp/);
    const none = targetsOf([task('t', 'Paris', [...SURE, ...SURE, 'Lyon', 'Lyon'])]);
    expect(none[2]).toMatchObject({ met: false, evidence: 'no votes on one side of the threshold' });
  });
});
