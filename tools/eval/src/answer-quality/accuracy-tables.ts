import type { BenchChart, BenchTable } from '@local-swarm/bench-kit';
import type { FamilySummary } from '../analysis/summarise-outcomes';
import { familyLabel, voteAt } from './family-label';
import { percent, percentWithInterval, pointsWithInterval } from './format-figures';


export function accuracyTable(summaries: readonly FamilySummary[], ks: readonly number[], samples: number): BenchTable {
  const row = (name: string, cell: (summary: FamilySummary) => string): string[] => [name, ...summaries.map(cell)];
  const voteRow = (k: number, strategy: 'majority' | 'weightedVote'): string[] =>
    row(`${strategy === 'majority' ? 'majority' : 'weighted_vote'}@${k}`, (summary) => {
      const vote = voteAt(summary, k);
      return vote === undefined ? '–' : percentWithInterval(vote[strategy]);
    });
  return {
    title: 'Accuracy, with bootstrap 95% intervals over tasks (all figures from the same samples; votes group by meaning, the question given)',
    columns: ['answer', ...summaries.map(familyLabel)],
    rows: [
      row('greedy (temperature 0)', (summary) => percentWithInterval(summary.greedy)),
      row(`one sample (mean of the ${samples})`, (summary) => percentWithInterval(summary.singleSample)),
      ...ks.map((k) => voteRow(k, 'majority')),
      ...ks.map((k) => voteRow(k, 'weightedVote')),
    ],
  };
}

export function differenceTable(summaries: readonly FamilySummary[], ks: readonly number[]): BenchTable {
  const rows = (field: 'majorityMinusGreedy' | 'majorityMinusSingle', name: string): string[][] =>
    ks.map((k) => [
      `majority@${k} − ${name}`,
      ...summaries.map((summary) => {
        const vote = voteAt(summary, k);
        return vote === undefined ? '–' : pointsWithInterval(vote[field]);
      }),
    ]);
  return {
    title: 'Paired differences in accuracy (percentage points, bootstrap 95% intervals over tasks)',
    columns: ['difference', ...summaries.map(familyLabel)],
    // majority@1 is one sample, so "majority@1 − one sample" is 0 by construction: left out.
    rows: [...rows('majorityMinusGreedy', 'greedy'), ...rows('majorityMinusSingle', 'one sample').slice(ks[0] === 1 ? 1 : 0)],
  };
}

export function agreementTable(summaries: readonly FamilySummary[]): BenchTable {
  return {
    title: "How the votes went (new grouping): decide()'s agreement (winner group's share of the k answers asked for, dropped ones included) and groups where no two answers were grouped together (the winner is then the medoid)",
    columns: ['tasks', 'k', 'groups', 'mean agreement', 'groups with no two answers alike'],
    rows: summaries.flatMap((summary) =>
      summary.votes
        .filter((vote) => vote.k > 1)
        .map((vote) => [familyLabel(summary), vote.k, vote.groups, percent(vote.meanAgreement), `${vote.groupsWithoutAgreement} (${percent(vote.groupsWithoutAgreement / vote.groups)})`]),
    ),
  };
}

export function accuracyChart(summary: FamilySummary): BenchChart {
  const flat = (y: number): { x: number; y: number }[] => summary.votes.map((vote) => ({ x: vote.k, y: y * 100 }));
  return {
    title: `Accuracy vs votes (k): ${familyLabel(summary)}`,
    xLabel: 'samples voting (k)',
    yLabel: 'accuracy (%)',
    series: [
      { name: 'majority@k (95% CI)', points: summary.votes.map((vote) => ({ x: vote.k, y: vote.majority.estimate * 100, lo: vote.majority.lo * 100, hi: vote.majority.hi * 100 })) },
      { name: 'greedy', points: flat(summary.greedy.estimate) },
      { name: 'one sample', points: flat(summary.singleSample.estimate) },
    ],
  };
}
