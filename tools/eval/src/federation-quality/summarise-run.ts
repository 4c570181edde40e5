import { bootstrapInterval, median, type Interval } from '@local-swarm/bench-kit';
import type { TaskFamily } from '../index';
import { buildViews, FEDERATION_VIEW_ID, modelMismatches, ONE_NODE_VIEW_ID, type CandidateView } from './candidate-views';
import { crossFitWeight, type CrossFitResult } from './cross-fit-weight';
import type { FederationRun } from './federation-run';
import { judgeTask, type TaskJudgement } from './judge-task';
import { accuracyOf, pairedDifference, type AccuracyFigure, type PairedDifference } from './paired-accuracy';
import { voteVariants, type VoteVariant } from './vote-variant';

/** Weights of the favoured model tried by the cross-fit (0 silences it; past 2 the clamp on a heavy source caps it with 3 nodes). */
export const WEIGHT_GRID: readonly number[] = [0, 0.5, 1, 1.5, 2];
/** Seed of every bootstrap, so the report is reproducible from the saved run. */
const BOOTSTRAP_SEED = 1;

export interface ViewCost {
  /** Median completion tokens per request of the view's candidates. */
  readonly medianTokens: number;
  /** Median time until the view's finished candidates were all in (ms from the request's start). */
  readonly medianDoneMs: number;
  /** Median CPU seconds its nodes used per request; null when not measured. */
  readonly medianCpuSeconds: number | null;
  /** Share of its candidates cut off by max_tokens (all tasks). */
  readonly truncatedShare: number;
  /** Requests in which at least one of its candidates could vote (the rest: no vote took place). */
  readonly votedRequests: number;
}

export interface EarlyExitCount {
  /** Requests in which the node stopped candidates once the vote was decided. */
  readonly requests: number;
  /** Candidates stopped (finish_reason "cancelled"), all nodes. */
  readonly cancelled: number;
  /** Of those, the asked node's own. */
  readonly cancelledAsked: number;
  /** Tasks in which the one-node view had fewer finished candidates than the node's instances. */
  readonly oneNodeShort: number;
}

/** A task on which two views disagree, for the report to name. */
export interface Disagreement {
  readonly taskId: string;
  readonly family: TaskFamily;
  /** View ids that got it right. */
  readonly rightIn: readonly string[];
}

/** Every figure of the report, computed from a run (pure). */
export interface RunSummary {
  readonly views: readonly CandidateView[];
  readonly variants: readonly VoteVariant[];
  readonly judgements: readonly TaskJudgement[];
  readonly failed: readonly { readonly taskId: string; readonly error: string }[];
  /** [view id][variant id]. */
  readonly accuracy: Readonly<Record<string, Readonly<Record<string, AccuracyFigure>>>>;
  /** [view id]: mean over tasks of the share of right candidates (one sample's accuracy). */
  readonly sampleAccuracy: Readonly<Record<string, Interval>>;
  /** [family][view id]: majority right / tasks. */
  readonly familyAccuracy: Readonly<Partial<Record<TaskFamily, Readonly<Record<string, { right: number; total: number }>>>>>;
  /** [view id][variant id]: view − one node, paired (absent for the one-node view itself). */
  readonly versusOneNode: Readonly<Record<string, Readonly<Record<string, PairedDifference>>>>;
  readonly crossFit: CrossFitResult & { readonly accuracy: AccuracyFigure; readonly versusOneNode: PairedDifference };
  readonly cost: Readonly<Record<string, ViewCost>>;
  readonly medianElapsedMs: number;
  /**
   * Median over requests of the least wall time the measured CPU allows on this machine's cores:
   * max(the busiest node's CPU, all nodes' CPU / cores). What a request would take with the
   * machine to itself, give or take; null when CPU was not measured.
   */
  readonly medianCpuBoundMs: number | null;
  readonly earlyExit: EarlyExitCount;
  /** Requests whose winner decide() picked again from the same candidates with the node's strategy. */
  readonly nodeReproduced: number;
  /** The node's returned answers that score right. */
  readonly nodeAnswerRight: number;
  /** `source:model` of candidates whose model is not their node's. */
  readonly modelMismatches: readonly string[];
  /** Federation tasks only majority got right, and only weighted_vote (equal weights) got right. */
  readonly majorityVersusWeighted: { readonly majorityOnly: readonly string[]; readonly weightedOnly: readonly string[] };
  /** Tasks where one node and the federation (majority) differ. */
  readonly oneNodeVersusFederation: readonly Disagreement[];
}

const majorityOf = (judgement: TaskJudgement, viewId: string): boolean => judgement.views[viewId]?.correct['majority'] ?? false;

/**
 * Judges every answered task of a run (each view × variant with decide() on the same candidates)
 * and aggregates: accuracies with bootstrap 95% intervals, paired differences against one node,
 * the cross-fitted weight, cost and early exits.
 */
export function summariseRun(run: FederationRun): RunSummary {
  const views = buildViews(run.nodes);
  const favouredLabel = run.nodes.find((node) => node.model === run.favouredModel)?.modelLabel ?? run.favouredModel;
  const variants = voteVariants(run.favouredModel, favouredLabel, run.settings.priorWeight);
  const judgeSettings = { views, variants, nodeStrategy: { strategy: run.settings.strategy }, weightModel: run.favouredModel, weightGrid: WEIGHT_GRID };
  const judgements: TaskJudgement[] = [];
  const failed: { taskId: string; error: string }[] = [];
  for (const observation of run.observations) {
    if (observation.reply === null) failed.push({ taskId: observation.request.task.id, error: observation.error ?? 'no reply' });
    else judgements.push(judgeTask(observation.request.task, observation.reply, { elapsedMs: observation.elapsedMs, cpuSeconds: observation.cpuSeconds ?? {} }, judgeSettings));
  }
  if (judgements.length === 0) throw new Error(`no task was answered; first failure: ${failed[0]?.error ?? 'none ran'}`);

  const column = (viewId: string, variantId: string): boolean[] => judgements.map((judgement) => judgement.views[viewId]?.correct[variantId] ?? false);
  const accuracy = Object.fromEntries(views.map((view) => [view.id, Object.fromEntries(variants.map((variant) => [variant.id, accuracyOf(column(view.id, variant.id), BOOTSTRAP_SEED)]))]));
  const sampleAccuracy = Object.fromEntries(
    views.map((view) => {
      const shares = judgements.map((judgement) => judgement.views[view.id]?.sampleAccuracy ?? null).filter((share): share is number => share !== null);
      return [view.id, shares.length === 0 ? { estimate: Number.NaN, lo: Number.NaN, hi: Number.NaN } : bootstrapInterval(shares, { seed: BOOTSTRAP_SEED })];
    }),
  );
  const familyAccuracy: Partial<Record<TaskFamily, Record<string, { right: number; total: number }>>> = {};
  for (const family of [...new Set(judgements.map((judgement) => judgement.family))]) {
    const ofFamily = judgements.filter((judgement) => judgement.family === family);
    familyAccuracy[family] = Object.fromEntries(views.map((view) => [view.id, { right: ofFamily.filter((judgement) => majorityOf(judgement, view.id)).length, total: ofFamily.length }]));
  }
  const versusOneNode = Object.fromEntries(
    views
      .filter((view) => view.id !== ONE_NODE_VIEW_ID)
      .map((view) => [view.id, Object.fromEntries(variants.map((variant) => [variant.id, pairedDifference(column(view.id, variant.id), column(ONE_NODE_VIEW_ID, variant.id), BOOTSTRAP_SEED)]))]),
  );
  const fitted = crossFitWeight(
    judgements.map((judgement) => judgement.weightGridCorrect),
    WEIGHT_GRID,
  );
  const cost = Object.fromEntries(
    views.map((view): [string, ViewCost] => {
      const ofView = judgements.flatMap((judgement) => {
        const judged = judgement.views[view.id];
        return judged === undefined ? [] : [judged];
      });
      const cpu = ofView.map((judged) => judged.cpuSeconds).filter((seconds): seconds is number => seconds !== null);
      const candidates = ofView.reduce((sum, judged) => sum + judged.candidates, 0);
      return [
        view.id,
        {
          medianTokens: median(ofView.map((judged) => judged.completionTokens)),
          medianDoneMs: median(ofView.map((judged) => judged.doneMs)),
          medianCpuSeconds: cpu.length === 0 ? null : median(cpu),
          truncatedShare: candidates === 0 ? 0 : ofView.reduce((sum, judged) => sum + judged.truncated, 0) / candidates,
          votedRequests: ofView.filter((judged) => judged.voted).length,
        },
      ];
    }),
  );
  const cpuBounds = run.observations.flatMap((observation) => {
    const perNode = Object.values(observation.cpuSeconds ?? {});
    if (observation.reply === null || perNode.length === 0) return [];
    return [Math.max(...perNode, perNode.reduce((sum, seconds) => sum + seconds, 0) / Math.max(1, run.cores)) * 1000];
  });
  const instances = run.settings.instances;
  const askedSource = run.nodes[0]?.source;
  const answered = run.observations.flatMap((observation) => (observation.reply === null ? [] : [observation.reply]));
  const allCandidates = answered.flatMap((reply) => reply.candidates);
  const cancelled = allCandidates.filter((candidate) => candidate.finishReason === 'cancelled');
  return {
    views,
    variants,
    judgements,
    failed,
    accuracy,
    sampleAccuracy,
    familyAccuracy,
    versusOneNode,
    crossFit: {
      ...fitted,
      accuracy: accuracyOf(fitted.correct, BOOTSTRAP_SEED),
      versusOneNode: pairedDifference(fitted.correct, column(ONE_NODE_VIEW_ID, 'weighted-equal'), BOOTSTRAP_SEED),
    },
    cost,
    medianElapsedMs: median(judgements.map((judgement) => judgement.elapsedMs)),
    medianCpuBoundMs: cpuBounds.length === 0 ? null : median(cpuBounds),
    earlyExit: {
      requests: judgements.filter((judgement) => judgement.earlyStop).length,
      cancelled: cancelled.length,
      cancelledAsked: cancelled.filter((candidate) => candidate.source === askedSource).length,
      oneNodeShort: judgements.filter((judgement) => {
        const view = judgement.views[ONE_NODE_VIEW_ID];
        return view === undefined || view.candidates - view.cancelled < instances;
      }).length,
    },
    nodeReproduced: judgements.filter((judgement) => judgement.nodeWinnerReproduced).length,
    nodeAnswerRight: judgements.filter((judgement) => judgement.nodeAnswerCorrect).length,
    modelMismatches: [...new Set(modelMismatches(allCandidates, run.nodes))],
    majorityVersusWeighted: {
      majorityOnly: judgements.filter((judgement) => majorityOf(judgement, FEDERATION_VIEW_ID) && judgement.views[FEDERATION_VIEW_ID]?.correct['weighted-equal'] === false).map((judgement) => judgement.taskId),
      weightedOnly: judgements.filter((judgement) => !majorityOf(judgement, FEDERATION_VIEW_ID) && judgement.views[FEDERATION_VIEW_ID]?.correct['weighted-equal'] === true).map((judgement) => judgement.taskId),
    },
    oneNodeVersusFederation: judgements
      .filter((judgement) => majorityOf(judgement, ONE_NODE_VIEW_ID) !== majorityOf(judgement, FEDERATION_VIEW_ID))
      .map((judgement) => ({ taskId: judgement.taskId, family: judgement.family, rightIn: views.filter((view) => majorityOf(judgement, view.id)).map((view) => view.id) })),
  };
}
