import type { BenchTable } from '@local-swarm/bench-kit';
import type { JudgeSummary } from '../judge/summarise-judge';
import { familyLabel } from './family-label';
import { percentWithInterval, pointsWithInterval, verdictOf } from './format-figures';

/** The judge strategy against majority on the same first 7 samples of each task. */
export function judgeTable(summaries: readonly JudgeSummary[], k: number): BenchTable {
  return {
    title: `Judge (Universal Self-Consistency: the model reads the answer groups of each task's first ${k} samples and names the most consistent) vs majority@${k} on the same samples`,
    columns: ['tasks', 'judge', `majority@${k} (new grouping)`, 'judge − majority', 'judge asked', 'reply parsed', 'picked another sample', 'judge tokens (mean, asked)', 'judged decision ms (median, asked)'],
    rows: summaries.map((summary) => [
      familyLabel(summary),
      percentWithInterval(summary.judge),
      percentWithInterval(summary.majority),
      pointsWithInterval(summary.judgeMinusMajority),
      summary.asked,
      summary.parsed,
      summary.differs,
      Number(summary.meanReplyTokens.toFixed(1)),
      Math.round(summary.medianWallMs),
    ]),
  };
}

/** One summary line: how the judge did against majority, read from the paired interval. */
export function describeJudge(summary: JudgeSummary, k: number): string {
  return (
    `Judge on the first ${k} samples of ${summary.tasks} tasks: ${percentWithInterval(summary.judge)} vs majority@${k} ${percentWithInterval(summary.majority)}, ` +
    `judge − majority ${pointsWithInterval(summary.judgeMinusMajority)} (${verdictOf(summary.judgeMinusMajority)}); asked on ${summary.asked} tasks (one answer group needs no judge), ` +
    `reply parsed on ${summary.parsed} (else majority's answer), ${summary.meanReplyTokens.toFixed(1)} tokens a judgement.`
  );
}
