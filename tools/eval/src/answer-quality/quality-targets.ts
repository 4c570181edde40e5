import type { FamilySummary } from '../analysis/summarise-outcomes';
import { percent, pointsWithInterval } from './format-figures';

/** One target of the new votes, with the figure that decides it. */
export interface TargetCheck {
  readonly target: string;
  readonly met: boolean;
  readonly evidence: string;
}

/** Vote size of the headline: 16 samples give two disjoint groups of 7. */
export const HEADLINE_K = 7;
/** How much more often a vote with agreement ≥ the threshold must be right than one below it. */
export const CALIBRATION_TARGET_POINTS = 0.2;

/**
 * The targets of grouping by meaning and honest agreement, read from a summary (the run's
 * overall one): the first two need the whole paired 95% interval above 0, the third the point
 * estimate of the gap (its interval is printed beside it).
 */
export function qualityTargets(summary: FamilySummary): TargetCheck[] {
  const vote = summary.votes.find((entry) => entry.k === HEADLINE_K);
  const missing = `no vote of ${HEADLINE_K} (fewer samples per task)`;
  const calibration = summary.calibration;
  const gap = calibration?.gap ?? null;
  return [
    {
      target: `majority@${HEADLINE_K} (new grouping) beats greedy with the 95% interval above 0`,
      met: vote !== undefined && vote.majorityMinusGreedy.lo > 0,
      evidence: vote === undefined ? missing : `majority@${HEADLINE_K} − greedy ${pointsWithInterval(vote.majorityMinusGreedy)}`,
    },
    {
      target: `majority@${HEADLINE_K} (new grouping) beats the old grouping with the 95% interval above 0`,
      met: vote !== undefined && vote.majorityMinusOld.lo > 0,
      evidence: vote === undefined ? missing : `new − old ${pointsWithInterval(vote.majorityMinusOld)} (${vote.newRightOldWrong} groups right only with new, ${vote.newWrongOldRight} only with old)`,
    },
    {
      target: `votes with agreement ≥ ${calibration?.threshold ?? 0.6} are right at least ${CALIBRATION_TARGET_POINTS * 100} points more often than those below`,
      met: gap !== null && gap.estimate >= CALIBRATION_TARGET_POINTS,
      evidence:
        calibration === null || gap === null
          ? 'no votes on one side of the threshold'
          : `${percent(calibration.atOrAbove.accuracy)} of ${calibration.atOrAbove.count} vs ${percent(calibration.below.accuracy)} of ${calibration.below.count}: ${pointsWithInterval(gap)}`,
    },
  ];
}

/** "met" / "not met" lines for a report's summary. */
export function describeTargets(checks: readonly TargetCheck[]): string[] {
  return checks.map((check) => `Target ${check.met ? '**met**' : '**not met**'}: ${check.target}: ${check.evidence}.`);
}
