import type { TaskRecord } from '../records/answer-record';
import { scoreAnswer } from '../scoring/score-answer';
import type { TaskFamily } from '../tasks/eval-task';
import { replayEarlyExit } from './early-exit';
import { disjointGroups } from './sample-candidates';
import { voteAtK, type VoteAtK } from './vote-at-k';

/** What the analysis computes; the same settings give the same numbers from the same records. */
export interface AnalysisSettings {
  /** Vote sizes k for majority@k, weighted_vote@k and best_of_n@k (each needs k ≤ samples). */
  readonly ks: readonly number[];
  /** Vote sizes replayed with early exit (majority). */
  readonly earlyExitKs: readonly number[];
  /** Model id the candidates carry in decide(). */
  readonly modelId: string;
  /** Seed of the bootstrap resampling. */
  readonly seed: number;
  /** Bootstrap resamples; default 2000. */
  readonly resamples?: number;
}

/** Early exit replayed on one task's groups of k (majority). */
export interface EarlyExitAtK {
  readonly k: number;
  readonly groups: number;
  /** Mean tokens of a group without / with early exit. */
  readonly fullTokens: number;
  readonly earlyTokens: number;
  /** Share of groups right without / with early exit. */
  readonly fullAccuracy: number;
  readonly earlyAccuracy: number;
  /** Groups whose winner was scored differently with early exit. */
  readonly changedGroups: number;
  /** Groups where early exit stopped at least one candidate. */
  readonly stoppedGroups: number;
}

/** Everything the report needs about one task, all paired on the same samples. */
export interface TaskOutcome {
  readonly taskId: string;
  readonly family: TaskFamily;
  /** 1 when the greedy answer is right. */
  readonly greedy: number;
  /** Share of the samples that are right (the accuracy of one sample). */
  readonly singleSample: number;
  readonly votes: readonly VoteAtK[];
  readonly earlyExit: readonly EarlyExitAtK[];
  readonly tokens: { readonly greedy: number; readonly sample: number };
  readonly wallMs: { readonly greedy: number; readonly sampled: number };
  /** 1 when the greedy answer hit max_tokens; share of samples that did. */
  readonly truncated: { readonly greedy: number; readonly samples: number };
}

const mean = (values: readonly number[]): number => (values.length === 0 ? Number.NaN : values.reduce((sum, value) => sum + value, 0) / values.length);
const asNumber = (flag: boolean): number => (flag ? 1 : 0);

/** Scores one task's greedy answer, its samples, and every vote over disjoint groups of them. */
export function analyseTask(record: TaskRecord, settings: AnalysisSettings): TaskOutcome {
  const { task, greedy, sampled } = record;
  const greedySample = greedy.samples[0];
  if (greedySample === undefined) throw new RangeError(`${task.id}: the greedy call has no answer`);
  const samples = sampled.samples;
  const right = (text: string): number => asNumber(scoreAnswer(task, text));
  const votes = settings.ks.filter((k) => k <= samples.length).map((k) => voteAtK(samples, k, task.question, settings.modelId, right));
  const earlyExit = settings.earlyExitKs
    .filter((k) => k <= samples.length)
    .map((k): EarlyExitAtK => {
      const replays = disjointGroups(samples, k).map((group) => replayEarlyExit(group, 'majority', settings.modelId));
      const fullRight = replays.map((replay) => right(replay.full.winnerText));
      const earlyRight = replays.map((replay) => right(replay.early.winnerText));
      return {
        k,
        groups: replays.length,
        fullTokens: mean(replays.map((replay) => replay.fullTokens)),
        earlyTokens: mean(replays.map((replay) => replay.earlyTokens)),
        fullAccuracy: mean(fullRight),
        earlyAccuracy: mean(earlyRight),
        changedGroups: fullRight.filter((value, index) => earlyRight[index] !== value).length,
        stoppedGroups: replays.filter((replay) => replay.stoppedCandidates > 0).length,
      };
    });
  return {
    taskId: task.id,
    family: task.family,
    greedy: right(greedySample.text),
    singleSample: mean(samples.map((sample) => right(sample.text))),
    votes,
    earlyExit,
    tokens: { greedy: greedySample.completionTokens, sample: mean(samples.map((sample) => sample.completionTokens)) },
    wallMs: { greedy: greedy.wallMs, sampled: sampled.wallMs },
    truncated: { greedy: asNumber(greedySample.finishReason === 'length'), samples: mean(samples.map((sample) => asNumber(sample.finishReason === 'length'))) },
  };
}
