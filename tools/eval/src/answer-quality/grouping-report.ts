import type { BenchTable } from '@local-swarm/bench-kit';
import type { AccuracyBucket } from '../analysis/accuracy-buckets';
import type { FamilySummary } from '../analysis/summarise-outcomes';
import { familyLabel } from './family-label';
import type { VoteSummary } from '../analysis/summarise-vote';
import { percent, percentWithInterval, pointsWithInterval } from './format-figures';


/** One row per vote size: its name for k, then one cell per family. */
function perK(summaries: readonly FamilySummary[], ks: readonly number[], name: (k: number) => string, cell: (vote: VoteSummary) => string): string[][] {
  return ks.map((k) => [
    name(k),
    ...summaries.map((summary) => {
      const vote = summary.votes.find((entry) => entry.k === k);
      return vote === undefined ? '–' : cell(vote);
    }),
  ]);
}

/** Accuracy of each vote with the new grouping (by meaning, the question given) beside the old (canonical forms only). */
export function groupingAccuracyTable(summaries: readonly FamilySummary[], ks: readonly number[]): BenchTable {
  const voteKs = ks.filter((k) => k > 1);
  return {
    title: 'New grouping (layered: canonical forms, then short answers with the question given) vs old (canonical forms only), accuracy with bootstrap 95% intervals; best_of_n beside them',
    columns: ['vote', ...summaries.map(familyLabel)],
    rows: [
      ...perK(summaries, voteKs, (k) => `majority@${k} (new)`, (vote) => percentWithInterval(vote.majority)),
      ...perK(summaries, voteKs, (k) => `majority@${k} (old)`, (vote) => percentWithInterval(vote.majorityOld)),
      ...perK(summaries, voteKs, (k) => `weighted_vote@${k} (new)`, (vote) => percentWithInterval(vote.weightedVote)),
      ...perK(summaries, voteKs, (k) => `weighted_vote@${k} (old)`, (vote) => percentWithInterval(vote.weightedVoteOld)),
      ...perK(summaries, voteKs, (k) => `best_of_n@${k}`, (vote) => percentWithInterval(vote.bestOfN)),
      ...perK(summaries, voteKs, (k) => `groups of ${k}: right only with new / only with old`, (vote) => `${vote.newRightOldWrong} / ${vote.newWrongOldRight} of ${vote.groups}`),
      ...perK(summaries, voteKs, (k) => `mean agreement@${k}: new / old`, (vote) => `${percent(vote.meanAgreement)} / ${percent(vote.meanAgreementOld)}`),
    ],
  };
}

/** Paired differences of the new grouping against greedy and against the old grouping. */
export function groupingDifferenceTable(summaries: readonly FamilySummary[], ks: readonly number[]): BenchTable {
  const voteKs = ks.filter((k) => k > 1);
  return {
    title: 'New grouping, paired differences (percentage points, bootstrap 95% intervals over tasks)',
    columns: ['difference', ...summaries.map(familyLabel)],
    rows: [
      ...perK(summaries, voteKs, (k) => `majority@${k} (new) − greedy`, (vote) => pointsWithInterval(vote.majorityMinusGreedy)),
      ...perK(summaries, voteKs, (k) => `majority@${k} (new) − majority@${k} (old)`, (vote) => pointsWithInterval(vote.majorityMinusOld)),
      ...perK(summaries, voteKs, (k) => `weighted_vote@${k} (new) − greedy`, (vote) => pointsWithInterval(vote.weightedVoteMinusGreedy)),
      ...perK(summaries, voteKs, (k) => `weighted_vote@${k} (new) − weighted_vote@${k} (old)`, (vote) => pointsWithInterval(vote.weightedVoteMinusOld)),
    ],
  };
}

const range = (bucket: AccuracyBucket, last: boolean): string =>
  Number.isFinite(bucket.hi) ? `[${bucket.lo}, ${bucket.hi}${last ? ']' : ')'}` : `≥ ${bucket.lo}`;

/** Accuracy of majority@7 (new grouping) per agreement and per entropy bucket, per family. */
export function calibrationTable(summaries: readonly FamilySummary[]): BenchTable {
  const rows = summaries.flatMap((summary) => {
    const calibration = summary.calibration;
    if (calibration === null) return [];
    const bucketRows = (name: string, buckets: readonly AccuracyBucket[]): string[][] =>
      buckets.map((bucket, index) => [familyLabel(summary), `${name} ${range(bucket, index === buckets.length - 1)}`, String(bucket.count), bucket.count === 0 ? '–' : percent(bucket.accuracy)]);
    return [...bucketRows('agreement', calibration.byAgreement), ...bucketRows('entropy (nats)', calibration.byEntropy)];
  });
  const k = summaries.find((summary) => summary.calibration !== null)?.calibration?.k ?? 7;
  return {
    title: `Calibration: accuracy of majority@${k} (new grouping) by its agreement (winner's share of the ${k} asked for, dropped answers included) and by its entropy over groups`,
    columns: ['tasks', 'bucket', 'groups', 'accuracy'],
    rows,
  };
}
