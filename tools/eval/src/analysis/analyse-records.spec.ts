import { analyseRecords } from './analyse-records';
import { analyseTask } from './task-outcome';
import { PARIS, runRecord, sample, SUM, taskRecord } from './testing/record-fixture';

const settings = { ks: [1, 3, 5, 8], earlyExitKs: [5, 8], modelId: 'model', seed: 1, resamples: 200 };

/** 16 samples: `right` of them say "Paris", the rest spread over other cities (no rival majority). */
function parisSamples(right: number): ReturnType<typeof sample>[] {
  const others = ['Lyon', 'Nice', 'Rome', 'Lille', 'Metz', 'Brest', 'Caen', 'Dijon', 'Nancy', 'Tours', 'Reims', 'Pau', 'Sète', 'Albi', 'Agen', 'Laon'];
  return Array.from({ length: 16 }, (_, index) => (index % 16 < right ? sample('Paris', 2 + (index % 3)) : sample(others[index] ?? 'Lyon', 6)));
}

describe('analyseTask', () => {
  it('scores greedy, one sample and every vote on the same samples', () => {
    const outcome = analyseTask(taskRecord(PARIS, sample('Lyon'), parisSamples(16)), settings);
    expect(outcome.greedy).toBe(0);
    expect(outcome.singleSample).toBe(1);
    expect(outcome.votes.map((vote) => [vote.k, vote.groups, vote.majority, vote.weightedVote])).toEqual([
      [1, 16, 1, 1],
      [3, 5, 1, 1],
      [5, 3, 1, 1],
      [8, 2, 1, 1],
    ]);
  });
  it('majority@1 equals the single-sample accuracy', () => {
    const outcome = analyseTask(taskRecord(PARIS, sample('Paris'), parisSamples(6)), settings);
    expect(outcome.votes[0]?.majority).toBeCloseTo(outcome.singleSample, 12);
    expect(outcome.singleSample).toBeCloseTo(6 / 16, 12);
  });
  it('averages a vote over its disjoint groups', () => {
    // Samples 0..5 say Paris: the first group of 8 has 6 Paris (wins), the second none (loses).
    const outcome = analyseTask(taskRecord(PARIS, sample('Paris'), parisSamples(6)), settings);
    expect(outcome.votes.find((vote) => vote.k === 8)?.majority).toBe(0.5);
  });
  it('replays early exit and keeps accuracy', () => {
    const outcome = analyseTask(taskRecord(PARIS, sample('Paris'), parisSamples(16)), settings);
    const eight = outcome.earlyExit.find((entry) => entry.k === 8);
    expect(eight?.earlyTokens).toBeLessThan(eight?.fullTokens ?? 0);
    expect(eight?.earlyAccuracy).toBe(eight?.fullAccuracy);
    expect(eight?.changedGroups).toBe(0);
  });
  it('counts tokens and truncation', () => {
    const samples = [...parisSamples(15).slice(0, 15), sample('Paris is a city that', 24, 'length')];
    const outcome = analyseTask(taskRecord(PARIS, sample('Paris', 2), samples), settings);
    expect(outcome.tokens.greedy).toBe(2);
    expect(outcome.truncated).toEqual({ greedy: 0, samples: 1 / 16 });
    expect(outcome.votes.find((vote) => vote.k === 8)?.tokens).toBeGreaterThan(8 * 2);
  });
  it('skips vote sizes larger than the samples', () => {
    const outcome = analyseTask(taskRecord(SUM, sample('5'), [sample('5'), sample('5'), sample('4')]), settings);
    expect(outcome.votes.map((vote) => vote.k)).toEqual([1, 3]);
    expect(outcome.earlyExit).toEqual([]);
  });
});

describe('analyseRecords', () => {
  const records = {
    run: runRecord(),
    tasks: [
      taskRecord(PARIS, sample('Lyon'), parisSamples(12)),
      taskRecord(SUM, sample('Answer: 5'), Array.from({ length: 16 }, (_, index) => sample(index < 4 ? 'Answer: 5' : `Answer: ${index}`))),
    ],
    end: { type: 'end' as const, durationSeconds: 10, completedTasks: 2 },
  };
  it('summarises each family and all tasks, paired and with intervals', () => {
    const analysis = analyseRecords(records, settings);
    expect(analysis.summaries.map((summary) => summary.family)).toEqual(['factual', 'arithmetic', 'overall']);
    const overall = analysis.summaries[2];
    expect(overall?.tasks).toBe(2);
    expect(overall?.greedy.estimate).toBe(0.5);
    const eight = overall?.votes.find((vote) => vote.k === 8);
    // Factual: both groups of 8 hold ≥ 4 Paris against singletons -> 1; arithmetic: group 1 has 4 fives -> 1, group 2 none -> 0.
    expect(eight?.majority.estimate).toBeCloseTo((1 + 0.5) / 2, 12);
    expect(eight?.majorityMinusGreedy.estimate).toBeCloseTo(0.75 - 0.5, 12);
    expect(eight?.weightedDiffers).toBe(0);
    expect(overall?.latencyMs).toEqual({ greedy: 100, sampled: 400 });
  });
});
