import type { BenchTable } from '@local-swarm/bench-kit';
import type { FamilySummary } from '../analysis/summarise-outcomes';
import { familyLabel, voteAt } from './family-label';
import { percent } from './format-figures';


export function costTable(summaries: readonly FamilySummary[], ks: readonly number[], samples: number): BenchTable {
  const voteKs = ks.filter((k) => k > 1);
  return {
    title: 'Cost per task: mean completion tokens, median wall time of the calls, answers cut off by max_tokens',
    columns: ['tasks', 'greedy tokens', 'one sample tokens', ...voteKs.map((k) => `${k} samples tokens`), 'greedy call ms (median)', `${samples}-candidate call ms (median)`, 'greedy truncated', 'samples truncated'],
    rows: summaries.map((summary) => [
      familyLabel(summary),
      Number(summary.tokens.greedy.toFixed(1)),
      Number(summary.tokens.sample.toFixed(1)),
      ...voteKs.map((k) => Number((voteAt(summary, k)?.tokens ?? Number.NaN).toFixed(1))),
      Math.round(summary.latencyMs.greedy),
      Math.round(summary.latencyMs.sampled),
      percent(summary.truncated.greedy),
      percent(summary.truncated.samples),
    ]),
  };
}

export function earlyExitTable(summaries: readonly FamilySummary[]): BenchTable {
  return {
    title: 'Early exit replayed on the same samples (majority; lock step: candidates finish in order of their token counts)',
    columns: ['tasks', 'k', 'groups', 'tokens without', 'tokens with', 'tokens saved', 'accuracy without', 'accuracy with', 'groups scored differently', 'groups stopped early'],
    rows: summaries.flatMap((summary) =>
      summary.earlyExit.map((entry) => [
        familyLabel(summary),
        entry.k,
        entry.groups,
        Number(entry.fullTokens.toFixed(1)),
        Number(entry.earlyTokens.toFixed(1)),
        percent(entry.savedFraction),
        percent(entry.fullAccuracy),
        percent(entry.earlyAccuracy),
        entry.changedGroups,
        entry.stoppedGroups,
      ]),
    ),
  };
}
