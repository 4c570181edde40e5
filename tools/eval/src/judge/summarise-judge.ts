import { bootstrapInterval, median, type BootstrapOptions, type Interval } from '@local-swarm/bench-kit';
import type { TaskFamily } from '../tasks/eval-task';
import type { JudgeOutcome } from './judge-outcome';

/** The judge pass over some tasks, paired with majority on the same samples. */
export interface JudgeSummary {
  readonly family: TaskFamily | 'overall';
  readonly tasks: number;
  readonly judge: Interval;
  readonly majority: Interval;
  /** Paired task by task: judge − majority. */
  readonly judgeMinusMajority: Interval;
  /** Tasks where the judge was asked, where its reply named a response, and where it overruled majority. */
  readonly asked: number;
  readonly parsed: number;
  readonly differs: number;
  /** Mean tokens the judge wrote over the tasks where it was asked (0 when never asked). */
  readonly meanReplyTokens: number;
  /** Median wall time of a judged decision over the tasks where the judge was asked. */
  readonly medianWallMs: number;
}

/** Accuracy of the judge and of majority on the same groups, with bootstrap intervals over tasks. */
export function summariseJudge(family: TaskFamily | 'overall', outcomes: readonly JudgeOutcome[], bootstrap: BootstrapOptions): JudgeSummary {
  if (outcomes.length === 0) throw new RangeError(`no judged tasks to summarise for ${family}`);
  const asked = outcomes.filter((outcome) => outcome.asked);
  return {
    family,
    tasks: outcomes.length,
    judge: bootstrapInterval(outcomes.map((outcome) => outcome.judge), bootstrap),
    majority: bootstrapInterval(outcomes.map((outcome) => outcome.majority), bootstrap),
    judgeMinusMajority: bootstrapInterval(outcomes.map((outcome) => outcome.judge - outcome.majority), bootstrap),
    asked: asked.length,
    parsed: asked.filter((outcome) => outcome.parsed).length,
    differs: outcomes.filter((outcome) => outcome.differs).length,
    meanReplyTokens: asked.length === 0 ? 0 : asked.reduce((sum, outcome) => sum + outcome.replyTokens, 0) / asked.length,
    medianWallMs: asked.length === 0 ? 0 : median(asked.map((outcome) => outcome.wallMs)),
  };
}

/** One summary per family judged, then 'overall' (all judged tasks pooled). */
export function summariseJudgeByFamily(outcomes: readonly JudgeOutcome[], bootstrap: BootstrapOptions): JudgeSummary[] {
  const families = [...new Set(outcomes.map((outcome) => outcome.family))];
  const summaries = families.map((family) => summariseJudge(family, outcomes.filter((outcome) => outcome.family === family), bootstrap));
  return outcomes.length === 0 ? summaries : [...summaries, summariseJudge('overall', outcomes, bootstrap)];
}
