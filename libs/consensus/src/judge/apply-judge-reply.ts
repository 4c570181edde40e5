import type { Candidate } from '../candidate/candidate';
import type { ConsensusOptions } from '../options/consensus-options';
import { chooseByMajority } from '../strategies/majority';
import { validateCandidate } from '../validation/validate-candidate';
import type { Verdict } from '../verdict/verdict';
import { runStrategy } from '../voting/run-strategy';
import type { JudgeReport } from './judge-report';
import { parseJudgeChoice } from './parse-judge-choice';
import type { JudgePlan } from './plan-judge';

type AskingPlan = Extract<JudgePlan, { ask: true }>;

/** The judge's own generation, or why there is none (it failed, timed out, was refused). */
export type JudgeReply =
  /** `note`: said beside the verdict, e.g. that the judge peer failed and this node judged instead. */
  | { readonly ok: true; readonly reply: Candidate; readonly note?: string }
  | { readonly ok: false; readonly reason: string };

export interface JudgedDecision {
  readonly verdict: Verdict;
  /** judge_merge: the judge's answer, the winner, at input index `candidates.length`; else null. */
  readonly merged: Candidate | null;
}

export const UNPARSEABLE_NOTE = 'judge reply unparseable: fell back to majority';

function report(plan: AskingPlan, reply: Candidate | null, choice: number | null, fallback: string | null): JudgeReport {
  return {
    source: reply?.source ?? 'none',
    model: reply?.model ?? 'none',
    choice,
    groupsShown: plan.shown.length,
    replyTokens: reply?.completionTokens ?? 0,
    parsed: fallback === null,
    fallback,
  };
}

function fallBack(plan: AskingPlan, reply: Candidate | null, fallback: string): JudgedDecision {
  const verdict = { ...plan.verdict, notes: [...plan.verdict.notes, fallback], judge: report(plan, reply, null, fallback) };
  return { verdict, merged: null };
}

/**
 * The verdict once the judge has replied. judge: the named group wins, represented by the
 * response shown for it (agreement stays that group's share). judge_merge: the judge's own text
 * wins as a new candidate, appended after the inputs; the groups and agreement stay majority's.
 * A reply that names no shown response, or a merge that is empty, truncated or otherwise invalid,
 * falls back to majority's verdict and says so.
 */
export function applyJudgeReply(
  candidates: readonly Candidate[],
  options: Omit<ConsensusOptions, 'strategy'>,
  plan: AskingPlan,
  judged: JudgeReply,
): JudgedDecision {
  if (!judged.ok) return fallBack(plan, null, `judge failed (${judged.reason}): fell back to majority`);
  const decision = heed(candidates, options, plan, judged.reply);
  if (judged.note === undefined) return decision;
  return { ...decision, verdict: { ...decision.verdict, notes: [...decision.verdict.notes, judged.note] } };
}

function heed(candidates: readonly Candidate[], options: Omit<ConsensusOptions, 'strategy'>, plan: AskingPlan, reply: Candidate): JudgedDecision {
  if (plan.role === 'merge') {
    const validation = validateCandidate(reply, options);
    if (!validation.valid) return fallBack(plan, reply, `judge's merged answer unusable (${validation.reason}): fell back to majority`);
    const winner = { index: candidates.length, candidate: reply, groupKey: 'judge:merged', weight: 0 };
    const note = `answer written by the judge "${reply.source}" from ${plan.shown.length} responses`;
    const verdict: Verdict = {
      ...plan.verdict,
      strategy: 'judge_merge',
      winner,
      ranking: [winner, ...plan.verdict.ranking],
      notes: [...plan.verdict.notes, note],
      judge: report(plan, reply, null, null),
    };
    return { verdict, merged: reply };
  }
  const choice = parseJudgeChoice(reply.text, plan.shown.length);
  const chosen = choice === null ? undefined : plan.shown[choice - 1];
  if (choice === null || chosen === undefined) return fallBack(plan, reply, UNPARSEABLE_NOTE);
  const verdict = runStrategy(candidates, {
    requested: 'judge',
    options,
    choose: (voting) => {
      const majority = chooseByMajority(voting);
      const group = majority.groups.find((candidateGroup) => candidateGroup.key === chosen.groupKey);
      const winner = group?.members.find((member) => member.entry.index === chosen.index) ?? group?.members[0];
      if (winner === undefined) return majority;
      return { ...majority, strategy: 'judge', winner, notes: [...majority.notes, `the judge chose response ${choice} of ${plan.shown.length}`] };
    },
  });
  return { verdict: { ...verdict, judge: report(plan, reply, choice, null) }, merged: null };
}
