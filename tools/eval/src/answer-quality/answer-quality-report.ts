import type { BenchResult } from '@local-swarm/bench-kit';
import type { Analysis } from '../analysis/analyse-records';
import type { FamilySummary } from '../analysis/summarise-outcomes';
import { familyLabel, voteAt } from './family-label';
import type { RecordsFile } from '../records/records-file';
import { accuracyChart, accuracyTable, agreementTable, differenceTable } from './accuracy-tables';
import { costTable, earlyExitTable } from './cost-tables';
import { percent, percentWithInterval, pointsWithInterval, verdictOf } from './format-figures';
import { calibrationTable, groupingAccuracyTable, groupingDifferenceTable } from './grouping-report';
import { judgeTable, describeJudge } from './judge-table';
import { describeTargets, HEADLINE_K, qualityTargets } from './quality-targets';
import type { JudgeSummary } from '../judge/summarise-judge';

export const ANSWER_QUALITY_COMMAND = 'node tools/eval/dist/answer-quality/main.js';

export interface ReportContext {
  readonly startedAt: string;
  readonly durationSeconds: number;
  /** The JSONL file the figures come from (for re-analysis). */
  readonly recordsFile: string;
  /** The judge pass (--judge): per family and overall; absent when it was not run. */
  readonly judge?: readonly JudgeSummary[];
}


/** Where voting helps and where it does not, read from the paired intervals vs greedy. */
function votingVerdicts(summaries: readonly FamilySummary[]): string[] {
  return summaries.map((summary) => {
    const parts = summary.votes
      .filter((vote) => vote.k > 1)
      .map((vote) => `k=${vote.k} ${pointsWithInterval(vote.majorityMinusGreedy)} (${verdictOf(vote.majorityMinusGreedy)})`);
    const vsSingle = summary.votes.at(-1);
    const single = vsSingle === undefined ? '' : `; vs one sample, majority@${vsSingle.k} ${pointsWithInterval(vsSingle.majorityMinusSingle)} (${verdictOf(vsSingle.majorityMinusSingle)})`;
    return `**${summary.family}**: majority@k − greedy: ${parts.join(', ')}${single}.`;
  });
}

/** One plain sentence: where the vote's interval vs greedy lies above zero, below it, or across it. */
function whereVotingHelps(summaries: readonly FamilySummary[]): string {
  const cases = summaries
    .filter((summary) => summary.family !== 'overall')
    .flatMap((summary) => summary.votes.filter((vote) => vote.k > 1).map((vote) => ({ name: `${summary.family} k=${vote.k}`, verdict: verdictOf(vote.majorityMinusGreedy) })));
  const named = (verdict: string): string => cases.filter((entry) => entry.verdict === verdict).map((entry) => entry.name).join(', ') || 'none';
  return `Against greedy, voting helps (whole interval above 0) for: ${named('helps')}; hurts (whole interval below 0) for: ${named('hurts')}; no clear difference for: ${named('no clear difference')}.`;
}

/** Why a vote can fail to help: answers that are never grouped together leave nothing to count. */
function scatteredVotes(summaries: readonly FamilySummary[]): string {
  const parts = summaries
    .filter((summary) => summary.family !== 'overall')
    .map((summary) => {
      const vote = summary.votes.at(-1);
      return vote === undefined
        ? ''
        : `${summary.family} ${percent(vote.groupsWithoutAgreement / vote.groups)} of groups of ${vote.k} (${percent(vote.groupsWithoutAgreementOld / vote.groups)} with canonical forms only; mean agreement ${percent(vote.meanAgreement)})`;
    })
    .filter((part) => part !== '');
  return (
    `decide() grouped no two answers together in ${parts.join(', ')}; the vote then falls back to the medoid. ` +
    'The new grouping also joins a short answer with a sentence that contains it ("Tehran" and "The capital of Iran is Tehran."), which canonical forms alone never do; numbers group by value in both.'
  );
}

/** The BenchResult "answer-quality" for an analysed records file. */
export function buildAnswerQualityResult(records: RecordsFile, analysis: Analysis, context: ReportContext): BenchResult {
  const { run } = records;
  const summaries = analysis.summaries;
  const overall = summaries.find((summary) => summary.family === 'overall');
  const ks = overall?.votes.map((vote) => vote.k) ?? [];
  const biggest = overall === undefined ? undefined : overall.votes.at(-1);
  const partial = records.end === undefined || records.end.completedTasks < run.factualCount + run.arithmeticCount;
  const differs = overall?.votes.reduce((sum, vote) => sum + vote.weightedDiffers, 0) ?? 0;
  const groups = overall?.votes.reduce((sum, vote) => sum + vote.groups, 0) ?? 0;
  const summary: string[] = [];
  if (overall !== undefined && biggest !== undefined) {
    summary.push(
      `Over ${overall.tasks} tasks (${summaries.filter((entry) => entry.family !== 'overall').map(familyLabel).join(', ')}), ${run.model}, ${run.samples} samples per task: ` +
        `greedy **${percentWithInterval(overall.greedy)}**, one sample ${percentWithInterval(overall.singleSample)}, ` +
        `majority@${biggest.k} **${percentWithInterval(biggest.majority)}** (bootstrap 95% intervals over tasks; no target set, reported as measured).`,
    );
  }
  if (overall !== undefined) summary.push(...describeTargets(qualityTargets(overall)));
  const judgeOverall = context.judge?.find((entry) => entry.family === 'overall');
  if (judgeOverall !== undefined) summary.push(describeJudge(judgeOverall, HEADLINE_K));
  summary.push(...votingVerdicts(summaries));
  summary.push(whereVotingHelps(summaries));
  summary.push(scatteredVotes(summaries));
  summary.push(
    differs === 0
      ? `weighted_vote@k chose the same sample as majority@k in all ${groups} groups: on one node there is one source and one model, and weighted_vote's weights come from sources and models, so it reduces to majority here (the federation run is where they can differ).`
      : `weighted_vote@k chose another sample than majority@k in ${differs} of ${groups} groups, although on one node with one source and one model its weights are all equal (tie-breaks differ).`,
  );
  if (overall !== undefined) {
    const early = overall.earlyExit.map((entry) => `k=${entry.k} saves **${percent(entry.savedFraction)}** of tokens (accuracy ${percent(entry.fullAccuracy)} without, ${percent(entry.earlyAccuracy)} with; ${entry.changedGroups} of ${entry.groups} groups scored differently)`);
    if (early.length > 0) summary.push(`Early exit, replayed on the same samples with the node's own rule (isVoteDecided): ${early.join('; ')}.`);
    const eight = voteAt(overall, 8);
    summary.push(
      `Cost per task: greedy ${overall.tokens.greedy.toFixed(1)} tokens, one sample ${overall.tokens.sample.toFixed(1)}` +
        (eight === undefined ? '' : `, 8 samples ${eight.tokens.toFixed(1)} (${(eight.tokens / overall.tokens.greedy).toFixed(1)}x greedy)`) +
        `; wall time, median of ${overall.tasks} tasks: greedy call ${Math.round(overall.latencyMs.greedy)} ms, ${run.samples}-candidate batched call ${Math.round(overall.latencyMs.sampled)} ms (${(overall.latencyMs.sampled / overall.latencyMs.greedy).toFixed(1)}x).`,
    );
    summary.push(`Answers cut off by max_tokens (dropped from votes as truncated): ${percent(overall.truncated.samples)} of samples, ${percent(overall.truncated.greedy)} of greedy answers.`);
  }
  if (partial) summary.push(`**Partial run**: ${records.tasks.length} of ${run.factualCount + run.arithmeticCount} tasks were completed.`);

  const callSeconds = (field: 'wallMs' | 'cpuMs'): number => records.tasks.reduce((sum, task) => sum + task.greedy[field] + task.sampled[field], 0) / 1000;
  const notes = [
    run.machine,
    `Run time ${context.durationSeconds.toFixed(0)} s; model calls ${callSeconds('wallMs').toFixed(0)} s wall, ${callSeconds('cpuMs').toFixed(0)} s CPU (CPU time barely moves when other processes share the machine, wall time does).`,
    `Model ${run.model} (id ${run.modelId}), one node, in process (Swarm from @local-swarm/swarm-core), ${run.samples} instances, context ${run.contextSize}, threads ${run.threads ?? 'node-llama-cpp default'}.`,
    `Tasks: ${run.factualCount} of the ${run.factualSetSize} factual questions in tools/eval/data/factual.json (the first ${run.factualCount} of a shuffle seeded with ${run.seed}) and ${run.arithmeticCount} arithmetic problems generated with seed ${run.seed}; --factual all and --arithmetic N run more.`,
    `Per task: one greedy answer (temperature 0) and ${run.samples} samples in one batched call (temperature ${run.temperature}, top_p ${run.topP}, candidate i seeded seed + i). max_tokens: factual ${run.maxTokens.factual}, arithmetic ${run.maxTokens.arithmetic}; stop strings: factual ${JSON.stringify(run.stop.factual)}, arithmetic ${JSON.stringify(run.stop.arithmetic)}. Chat prompt: a system instruction plus two worked examples per family (tools/eval/src/prompts/task-prompt.ts).`,
    `Scoring: factual = an accepted alias, normalised (case, accents, punctuation, articles, whitespace), as whole words in the first sentence of the first line; arithmetic = the first number after the last "Answer:", else the last number. majority@k, weighted_vote@k and best_of_n@k: the winner of decide() from @local-swarm/consensus (the node's own vote: layered grouping with the task's question, askedFor = k, truncated and empty answers dropped; the "old" rows group by canonical forms only) over floor(${run.samples}/k) disjoint groups of each task's samples, averaged per task; k=1 is one sample.`,
    `Intervals: percentile bootstrap over tasks, 2000 resamples, seed ${run.seed}; differences are paired (resampled task by task). "overall" pools the families in this run's proportions.`,
    'Early exit is replayed, not run: in lock step every candidate gains a token per step, so they finish in order of their token counts; stopped candidates are charged the steps they ran. The node does the same live (majority/weighted_vote stop once isVoteDecided).',
    `Not measured here: wall time of calls with fewer than ${run.samples} candidates (their cost is given in tokens), several nodes or models (see the federation answer-quality benchmark), other sampling settings. Records: ${context.recordsFile} (re-analyse with --analyse-only).`,
  ];

  return {
    name: 'answer-quality',
    title: 'Answer quality: greedy, samples and votes',
    command: ANSWER_QUALITY_COMMAND,
    startedAt: context.startedAt,
    durationSeconds: context.durationSeconds,
    summary,
    tables: [
      accuracyTable(summaries, ks, run.samples),
      differenceTable(summaries, ks),
      groupingAccuracyTable(summaries, ks),
      groupingDifferenceTable(summaries, ks),
      calibrationTable(summaries),
      ...(context.judge === undefined ? [] : [judgeTable(context.judge, HEADLINE_K)]),
      agreementTable(summaries),
      costTable(summaries, ks, run.samples),
      earlyExitTable(summaries),
    ],
    notes,
    charts: summaries.map(accuracyChart),
  };
}
