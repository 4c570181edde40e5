import { decide, type Candidate, type ConsensusOptions } from '@local-swarm/consensus';
import { scoreAnswer, type EvalTask, type TaskFamily } from '../index';
import { FEDERATION_VIEW_ID, viewCandidates, type CandidateView } from './candidate-views';
import type { ConsensusReply } from './consensus-reply';
import type { VoteVariant } from './vote-variant';

/** How one view of one request fared. */
export interface ViewJudgement {
  /** Candidates the view holds, cancelled ones included. */
  readonly candidates: number;
  /** Of those, stopped early by the node (finish_reason "cancelled"). */
  readonly cancelled: number;
  /** Of those, cut off by max_tokens (finish_reason "length"): they take no part in a vote. */
  readonly truncated: number;
  /**
   * Did at least one candidate pass validation? When none did, decide() returns the least bad
   * one (by stable order): no vote took place, so voting cannot help that request.
   */
  readonly voted: boolean;
  /** Share of its finished (not cancelled, not failed) candidates that are right: one sample's accuracy; null when none finished. */
  readonly sampleAccuracy: number | null;
  /** Per variant id: does the winner decide() picks from these candidates score right? */
  readonly correct: Readonly<Record<string, boolean>>;
  /** The majority winner's text (empty when the view holds no candidate), for the per-task table. */
  readonly majorityAnswer: string;
  /** Completion tokens of its candidates (what asking only these nodes would have cost). */
  readonly completionTokens: number;
  /** Latest `latency_ms` among its finished candidates: when they were all in, within this run. */
  readonly doneMs: number;
  /** CPU seconds its nodes used during the request; null when not measured for one of them. */
  readonly cpuSeconds: number | null;
}

/** What was measured around the request. */
export interface RequestMeasures {
  /** Request sent to last byte of the reply. */
  readonly elapsedMs: number;
  /** CPU seconds per node (by source) during the request. */
  readonly cpuSeconds: Readonly<Record<string, number>>;
}

/** Everything the report needs from one request, computed from its candidates alone. */
export interface TaskJudgement {
  readonly taskId: string;
  readonly family: TaskFamily;
  /** Per view id. */
  readonly views: Readonly<Record<string, ViewJudgement>>;
  /** The federation under weighted_vote with the favoured model's weight at each grid value. */
  readonly weightGridCorrect: readonly boolean[];
  /** Does the node's returned answer score right? */
  readonly nodeAnswerCorrect: boolean;
  /** Did decide() on all candidates, with the node's strategy, pick the candidate the node picked? */
  readonly nodeWinnerReproduced: boolean;
  /** Did the node stop candidates early (vote decided)? */
  readonly earlyStop: boolean;
  /** Request sent to last byte of the reply. */
  readonly elapsedMs: number;
}

export interface JudgeSettings {
  readonly views: readonly CandidateView[];
  readonly variants: readonly VoteVariant[];
  /** The strategy the node was asked to run (to check it against decide()). */
  readonly nodeStrategy: ConsensusOptions;
  /** Model whose weight the grid varies, and the grid. */
  readonly weightModel: string;
  readonly weightGrid: readonly number[];
}

const isFinished = (candidate: Candidate): boolean => candidate.finishReason !== 'cancelled' && candidate.finishReason !== 'error';

function winnerIsRight(task: EvalTask, candidates: readonly Candidate[], options: ConsensusOptions): boolean {
  const winner = decide(candidates, options).winner;
  return winner !== null && scoreAnswer(task, winner.candidate.text);
}

function viewCpu(view: CandidateView, cpuSeconds: Readonly<Record<string, number>>): number | null {
  let total = 0;
  for (const source of view.sources) {
    const seconds = cpuSeconds[source];
    if (seconds === undefined) return null;
    total += seconds;
  }
  return total;
}

function judgeView(task: EvalTask, view: CandidateView, all: readonly Candidate[], measures: RequestMeasures, variants: readonly VoteVariant[]): ViewJudgement {
  const candidates = viewCandidates(all, view);
  const majority = decide(candidates, { strategy: 'majority' });
  const finished = candidates.filter(isFinished);
  const right = finished.filter((candidate) => scoreAnswer(task, candidate.text)).length;
  return {
    candidates: candidates.length,
    cancelled: candidates.filter((candidate) => candidate.finishReason === 'cancelled').length,
    truncated: candidates.filter((candidate) => candidate.finishReason === 'length').length,
    voted: majority.valid,
    majorityAnswer: majority.winner?.candidate.text ?? '',
    sampleAccuracy: finished.length === 0 ? null : right / finished.length,
    correct: Object.fromEntries(variants.map((variant) => [variant.id, winnerIsRight(task, candidates, variant.options)])),
    completionTokens: candidates.reduce((sum, candidate) => sum + (candidate.completionTokens ?? 0), 0),
    doneMs: finished.reduce((latest, candidate) => Math.max(latest, candidate.latencyMs), 0),
    cpuSeconds: viewCpu(view, measures.cpuSeconds),
  };
}

/**
 * Judges one request: every view × variant decided with decide() on the same candidates (paired),
 * each winner scored with scoreAnswer. Pure: the report can be recomputed from saved replies.
 */
export function judgeTask(task: EvalTask, reply: ConsensusReply, measures: RequestMeasures, settings: JudgeSettings): TaskJudgement {
  const views = Object.fromEntries(settings.views.map((view) => [view.id, judgeView(task, view, reply.candidates, measures, settings.variants)]));
  const all = settings.views.find((view) => view.id === FEDERATION_VIEW_ID);
  const federation = all === undefined ? reply.candidates : viewCandidates(reply.candidates, all);
  const recomputed = decide(reply.candidates, settings.nodeStrategy).winner;
  return {
    taskId: task.id,
    family: task.family,
    views,
    weightGridCorrect: settings.weightGrid.map((weight) =>
      winnerIsRight(task, federation, { strategy: 'weighted_vote', modelWeights: { [settings.weightModel]: weight } }),
    ),
    nodeAnswerCorrect: scoreAnswer(task, reply.verdict.answer),
    nodeWinnerReproduced: recomputed !== null && recomputed.index === reply.verdict.winnerIndex,
    earlyStop: reply.verdict.earlyStop !== null,
    elapsedMs: measures.elapsedMs,
  };
}
