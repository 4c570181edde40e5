import { decideWithJudge, type JudgeModel } from '@local-swarm/swarm-core';
import { performance } from 'node:perf_hooks';
import { voteOnGroup } from '../analysis/group-vote';
import { disjointGroups, toCandidate } from '../analysis/sample-candidates';
import { voteOptions } from '../analysis/vote-options';
import { taskPrompt } from '../prompts/task-prompt';
import type { TaskRecord } from '../records/answer-record';
import { scoreAnswer } from '../scoring/score-answer';
import type { JudgeOutcome } from './judge-outcome';

export interface JudgeTaskContext {
  readonly modelId: string;
  readonly judge: JudgeModel;
  readonly signal: AbortSignal;
}

/**
 * Runs the judge strategy, as the node does (decideWithJudge from swarm-core: the judge reads the
 * answer groups of the task's first k samples and names one), and scores its pick beside majority
 * on the same samples. Null when the task has fewer than k samples.
 */
export async function judgeTask(record: TaskRecord, k: number, context: JudgeTaskContext): Promise<JudgeOutcome | null> {
  const [group] = disjointGroups(record.sampled.samples, k);
  if (group === undefined) return null;
  const { task } = record;
  const candidates = group.map((entry) => toCandidate(entry, context.modelId));
  const request = { prompt: taskPrompt(task), maxTokens: record.sampled.maxTokens, candidates: k };
  const startedAt = performance.now();
  const judged = await decideWithJudge(candidates, voteOptions({ strategy: 'judge', grouping: 'layered' }, task.question, k), { request, judge: context.judge, signal: context.signal });
  const wallMs = performance.now() - startedAt;
  const winner = judged.verdict.winner;
  const winnerEntry = winner === null ? undefined : group[winner.index];
  if (winnerEntry === undefined) throw new RangeError(`${task.id}: the judged vote has no winner among the samples`);
  const majority = voteOnGroup(group, 'majority', context.modelId, { grouping: 'layered', question: task.question });
  const report = judged.verdict.judge;
  return {
    taskId: task.id,
    family: task.family,
    judge: scoreAnswer(task, winnerEntry.sample.text) ? 1 : 0,
    majority: scoreAnswer(task, majority.winnerText) ? 1 : 0,
    asked: report !== undefined,
    parsed: report?.parsed === true,
    differs: winnerEntry.index !== majority.winnerIndex,
    replyTokens: judged.judgeTokens,
    wallMs,
  };
}
