import type { Candidate } from '../candidate/candidate';
import type { ConsensusOptions } from '../options/consensus-options';
import type { JudgeRole } from '../strategies/strategy-traits';
import type { Verdict } from '../verdict/verdict';
import { planJudge } from './plan-judge';

export const NO_JUDGE_NOTE = 'no judge model to ask: fell back to majority';

/**
 * decide() is pure and synchronous, so it cannot run a judge: a judged strategy there is
 * majority's verdict, saying so when a judge would have been asked (runConsensus asks one).
 */
export function decideWithoutJudge(
  candidates: readonly Candidate[],
  options: Omit<ConsensusOptions, 'strategy'>,
  role: Exclude<JudgeRole, 'none'>,
): Verdict {
  const plan = planJudge(candidates, options, role);
  return plan.ask ? { ...plan.verdict, notes: [...plan.verdict.notes, NO_JUDGE_NOTE] } : plan.verdict;
}
