import type { BootstrapOptions, Interval } from '@local-swarm/bench-kit';
import { accuracyBuckets, AGREEMENT_EDGES, ENTROPY_EDGES, type AccuracyBucket } from './accuracy-buckets';
import { bootstrapStatistic } from './cluster-bootstrap';
import type { VotePoint } from './vote-at-k';

/** Vote size and agreement threshold of the calibration headline (agreement ≥ 0.6 vs below). */
export const CALIBRATION_K = 7;
export const CALIBRATION_THRESHOLD = 0.6;

/** Votes on one side of the threshold, pooled over tasks. */
export interface CalibrationSide {
  readonly count: number;
  readonly accuracy: number;
}

/** Does agreement tell the truth? Accuracy of majority@k (new grouping) by how much its votes agreed. */
export interface CalibrationSummary {
  readonly k: number;
  readonly threshold: number;
  readonly groups: number;
  readonly byAgreement: readonly AccuracyBucket[];
  readonly byEntropy: readonly AccuracyBucket[];
  readonly atOrAbove: CalibrationSide;
  readonly below: CalibrationSide;
  /**
   * accuracy(agreement ≥ threshold) − accuracy(below), groups pooled, with a bootstrap interval
   * that resamples tasks (a task's groups move together); null when one side has no vote.
   */
  readonly gap: Interval | null;
}

function side(points: readonly VotePoint[], keep: (point: VotePoint) => boolean): CalibrationSide {
  const kept = points.filter(keep);
  return { count: kept.length, accuracy: kept.length === 0 ? Number.NaN : kept.reduce((sum, point) => sum + point.right, 0) / kept.length };
}

/** Accuracy above minus below the threshold over every vote of the tasks given (NaN when a side is empty). */
export function calibrationGap(perTask: readonly (readonly VotePoint[])[], threshold: number): number {
  const points = perTask.flat();
  return side(points, (point) => point.agreement >= threshold).accuracy - side(points, (point) => point.agreement < threshold).accuracy;
}

/** Calibration of the votes given per task (each task's groups of k); null when there are none. */
export function summariseCalibration(perTask: readonly (readonly VotePoint[])[], k: number, threshold: number, bootstrap: BootstrapOptions): CalibrationSummary | null {
  const points = perTask.flat();
  if (points.length === 0) return null;
  const gap = bootstrapStatistic(perTask, (drawn) => calibrationGap(drawn, threshold), bootstrap);
  return {
    k,
    threshold,
    groups: points.length,
    byAgreement: accuracyBuckets(points.map((point) => ({ value: point.agreement, right: point.right })), AGREEMENT_EDGES),
    byEntropy: accuracyBuckets(points.map((point) => ({ value: point.entropy, right: point.right })), ENTROPY_EDGES),
    atOrAbove: side(points, (point) => point.agreement >= threshold),
    below: side(points, (point) => point.agreement < threshold),
    gap: gap === null ? null : { estimate: gap.estimate, lo: gap.lo, hi: gap.hi },
  };
}
