import { bootstrapInterval, median, type Interval } from '@local-swarm/bench-kit';
import type { TaskFamily } from '../tasks/eval-task';
import { CALIBRATION_K, CALIBRATION_THRESHOLD, summariseCalibration, type CalibrationSummary } from './summarise-calibration';
import { summariseVote, type VoteSummary } from './summarise-vote';
import type { AnalysisSettings, EarlyExitAtK, TaskOutcome } from './task-outcome';

/** Early exit over every task's groups of k. */
export interface EarlyExitSummary {
  readonly k: number;
  readonly groups: number;
  /** Mean tokens per task (one group of k) without / with early exit. */
  readonly fullTokens: number;
  readonly earlyTokens: number;
  /** 1 − early / full. */
  readonly savedFraction: number;
  readonly fullAccuracy: number;
  readonly earlyAccuracy: number;
  readonly changedGroups: number;
  readonly stoppedGroups: number;
}

/** The figures of one family (or of all tasks). */
export interface FamilySummary {
  readonly family: TaskFamily | 'overall';
  readonly tasks: number;
  readonly greedy: Interval;
  readonly singleSample: Interval;
  readonly votes: readonly VoteSummary[];
  readonly earlyExit: readonly EarlyExitSummary[];
  /** Accuracy of majority@7 (new grouping) by agreement and entropy; null without votes of 7. */
  readonly calibration: CalibrationSummary | null;
  /** Mean completion tokens per task. */
  readonly tokens: { readonly greedy: number; readonly sample: number };
  /** Median wall time of the greedy call and of the call generating every sample. */
  readonly latencyMs: { readonly greedy: number; readonly sampled: number };
  /** Share of greedy answers / samples cut off by max_tokens. */
  readonly truncated: { readonly greedy: number; readonly samples: number };
}

const mean = (values: readonly number[]): number => values.reduce((sum, value) => sum + value, 0) / values.length;

/** Sums a per-task early-exit figure back to group counts, weighting each task by its groups. */
function summariseEarlyExit(k: number, perTask: readonly EarlyExitAtK[]): EarlyExitSummary {
  const fullTokens = mean(perTask.map((entry) => entry.fullTokens));
  const earlyTokens = mean(perTask.map((entry) => entry.earlyTokens));
  return {
    k,
    groups: perTask.reduce((sum, entry) => sum + entry.groups, 0),
    fullTokens,
    earlyTokens,
    savedFraction: fullTokens > 0 ? 1 - earlyTokens / fullTokens : 0,
    fullAccuracy: mean(perTask.map((entry) => entry.fullAccuracy)),
    earlyAccuracy: mean(perTask.map((entry) => entry.earlyAccuracy)),
    changedGroups: perTask.reduce((sum, entry) => sum + entry.changedGroups, 0),
    stoppedGroups: perTask.reduce((sum, entry) => sum + entry.stoppedGroups, 0),
  };
}

/**
 * Accuracy with bootstrap 95% intervals over tasks (the unit resampled is a task: its greedy 0/1
 * and its per-k shares move together, so differences stay paired), tokens and latency, for the
 * tasks given. Every task must have been analysed with the same settings.
 */
export function summariseOutcomes(family: TaskFamily | 'overall', outcomes: readonly TaskOutcome[], settings: AnalysisSettings): FamilySummary {
  if (outcomes.length === 0) throw new RangeError(`no tasks to summarise for ${family}`);
  const bootstrap = { seed: settings.seed, ...(settings.resamples !== undefined ? { resamples: settings.resamples } : {}) };
  const interval = (values: readonly number[]): Interval => bootstrapInterval(values, bootstrap);
  const ks = (outcomes[0]?.votes ?? []).map((vote) => vote.k);
  const votes = ks.map((k) => summariseVote(k, outcomes, interval));
  const calibrationVotes = outcomes.map((outcome) => outcome.votes.find((vote) => vote.k === CALIBRATION_K)?.points ?? []);
  const calibration = summariseCalibration(calibrationVotes, CALIBRATION_K, CALIBRATION_THRESHOLD, bootstrap);
  const earlyKs = (outcomes[0]?.earlyExit ?? []).map((entry) => entry.k);
  const earlyExit = earlyKs.map((k) =>
    summariseEarlyExit(k, outcomes.map((outcome) => outcome.earlyExit.find((entry) => entry.k === k)).filter((entry): entry is EarlyExitAtK => entry !== undefined)),
  );
  return {
    family,
    tasks: outcomes.length,
    greedy: interval(outcomes.map((outcome) => outcome.greedy)),
    singleSample: interval(outcomes.map((outcome) => outcome.singleSample)),
    votes,
    earlyExit,
    calibration,
    tokens: { greedy: mean(outcomes.map((outcome) => outcome.tokens.greedy)), sample: mean(outcomes.map((outcome) => outcome.tokens.sample)) },
    latencyMs: { greedy: median(outcomes.map((outcome) => outcome.wallMs.greedy)), sampled: median(outcomes.map((outcome) => outcome.wallMs.sampled)) },
    truncated: { greedy: mean(outcomes.map((outcome) => outcome.truncated.greedy)), samples: mean(outcomes.map((outcome) => outcome.truncated.samples)) },
  };
}
