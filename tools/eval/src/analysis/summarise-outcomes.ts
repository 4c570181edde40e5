import { bootstrapInterval, median, type Interval } from '@local-swarm/bench-kit';
import type { TaskFamily } from '../tasks/eval-task';
import type { AnalysisSettings, EarlyExitAtK, TaskOutcome } from './task-outcome';

/** Accuracy of a vote size, with its paired difference to greedy. */
export interface VoteSummary {
  readonly k: number;
  readonly majority: Interval;
  readonly weightedVote: Interval;
  /** Paired over tasks: majority@k − greedy, task by task. */
  readonly majorityMinusGreedy: Interval;
  /** Paired over tasks: majority@k − one sample (is the vote better than its own voters?). */
  readonly majorityMinusSingle: Interval;
  /** Groups (over all tasks) where weighted_vote picked another sample than majority. */
  readonly weightedDiffers: number;
  /** Mean over tasks of decide()'s mean agreement (majority). */
  readonly meanAgreement: number;
  /** Groups (over all tasks) where no two voting answers shared a canonical form. */
  readonly groupsWithoutAgreement: number;
  readonly groups: number;
  /** Mean completion tokens per task of k candidates. */
  readonly tokens: number;
}

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
  const interval = (values: readonly number[]): Interval =>
    bootstrapInterval(values, { seed: settings.seed, ...(settings.resamples !== undefined ? { resamples: settings.resamples } : {}) });
  const ks = (outcomes[0]?.votes ?? []).map((vote) => vote.k);
  const voteAt = (outcome: TaskOutcome, k: number): TaskOutcome['votes'][number] => {
    const vote = outcome.votes.find((entry) => entry.k === k);
    if (vote === undefined) throw new RangeError(`${outcome.taskId} has no vote of size ${k}`);
    return vote;
  };
  const votes = ks.map((k): VoteSummary => {
    const perTask = outcomes.map((outcome) => voteAt(outcome, k));
    return {
      k,
      majority: interval(perTask.map((vote) => vote.majority)),
      weightedVote: interval(perTask.map((vote) => vote.weightedVote)),
      majorityMinusGreedy: interval(outcomes.map((outcome, index) => (perTask[index]?.majority ?? Number.NaN) - outcome.greedy)),
      majorityMinusSingle: interval(outcomes.map((outcome, index) => (perTask[index]?.majority ?? Number.NaN) - outcome.singleSample)),
      weightedDiffers: perTask.reduce((sum, vote) => sum + vote.weightedDiffers, 0),
      meanAgreement: mean(perTask.map((vote) => vote.meanAgreement)),
      groupsWithoutAgreement: perTask.reduce((sum, vote) => sum + vote.groupsWithoutAgreement, 0),
      groups: perTask.reduce((sum, vote) => sum + vote.groups, 0),
      tokens: mean(perTask.map((vote) => vote.tokens)),
    };
  });
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
    tokens: { greedy: mean(outcomes.map((outcome) => outcome.tokens.greedy)), sample: mean(outcomes.map((outcome) => outcome.tokens.sample)) },
    latencyMs: { greedy: median(outcomes.map((outcome) => outcome.wallMs.greedy)), sampled: median(outcomes.map((outcome) => outcome.wallMs.sampled)) },
    truncated: { greedy: mean(outcomes.map((outcome) => outcome.truncated.greedy)), samples: mean(outcomes.map((outcome) => outcome.truncated.samples)) },
  };
}
