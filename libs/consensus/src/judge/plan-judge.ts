import type { Candidate } from '../candidate/candidate';
import type { ConsensusOptions } from '../options/consensus-options';
import { chooseByMajority } from '../strategies/majority';
import type { JudgeRole } from '../strategies/strategy-traits';
import { hasToolCalls } from '../tools/has-tool-calls';
import type { Verdict } from '../verdict/verdict';
import { runStrategy } from '../voting/run-strategy';
import { JUDGE_LIMITS } from './judge-limits';

/** One answer group as the judge sees it: its representative (the group's medoid). */
export interface JudgeShownResponse {
  readonly groupKey: string;
  /** Input index of the representative. */
  readonly index: number;
  readonly text: string;
}

/**
 * What a judged strategy does before its judge speaks. `verdict` is majority's (requested as the
 * judged strategy): the answer when there is nothing to judge, the fallback when the judge fails.
 */
export type JudgePlan =
  | { readonly ask: false; readonly verdict: Verdict }
  | { readonly ask: true; readonly verdict: Verdict; readonly role: Exclude<JudgeRole, 'none'>; readonly shown: readonly JudgeShownResponse[] };

export const ONE_GROUP_NOTE = 'one answer group: no judge needed';

export function judgedStrategyOf(role: Exclude<JudgeRole, 'none'>): 'judge' | 'judge_merge' {
  return role === 'choose' ? 'judge' : 'judge_merge';
}

/**
 * Screens and groups the candidates as majority does (invalid ones dropped, equal canonical forms
 * one group) and lists the groups to show the judge: heaviest first, at most
 * JUDGE_LIMITS.maxResponses, each by its medoid. A single group (or none) needs no judge.
 */
export function planJudge(
  candidates: readonly Candidate[],
  options: Omit<ConsensusOptions, 'strategy'>,
  role: Exclude<JudgeRole, 'none'>,
): JudgePlan {
  const verdict = runStrategy(candidates, { requested: judgedStrategyOf(role), options, choose: (voting) => chooseByMajority(voting) });
  const shown = verdict.groups.slice(0, JUDGE_LIMITS.maxResponses).flatMap((group): JudgeShownResponse[] => {
    const [index] = group.memberIndexes;
    const representative = index === undefined ? undefined : candidates[index];
    if (index === undefined || representative === undefined) return [];
    // A tool-calling answer is shown by its calls, which is what it is grouped by.
    const text = hasToolCalls(representative) ? group.key : representative.text;
    return [{ groupKey: group.key, index, text }];
  });
  if (shown.length < 2) {
    // Nobody judged: say the answer is majority's even when no candidate voted at all.
    const notes = verdict.groups.length === 1 ? [...verdict.notes, ONE_GROUP_NOTE] : verdict.notes;
    return { ask: false, verdict: { ...verdict, strategy: 'majority', notes } };
  }
  return { ask: true, verdict, role, shown };
}
