import {
  applyJudgeReply,
  decide,
  JUDGE_LIMITS,
  judgePrompt,
  planJudge,
  strategyTraits,
  type Candidate,
  type ConsensusOptions,
  type Verdict,
} from '@local-swarm/consensus';
import type { GenerationRequest } from '../generation/generation-request';
import type { JudgeModel } from './judge-model';
import { questionOf } from './question-of';

export interface JudgeContext {
  readonly request: GenerationRequest;
  /** Undefined: a judged strategy falls back to majority, saying so. */
  readonly judge: JudgeModel | undefined;
  readonly signal: AbortSignal;
}

export interface JudgedOutcome {
  readonly verdict: Verdict;
  /** The candidates the verdict's indexes refer to: the inputs, plus the judge's answer after a merge. */
  readonly candidates: readonly Candidate[];
  /** Tokens the judge generated (0 when none was asked). */
  readonly judgeTokens: number;
}

/**
 * decide(), with one more generation for the judged strategies: the judge reads the answer groups
 * (see planJudge) and names one (judge) or writes the answer (judge_merge, up to the request's
 * max_tokens). Other strategies, one answer group, or no judge: decide() alone.
 */
export async function decideWithJudge(
  candidates: readonly Candidate[],
  options: ConsensusOptions,
  context: JudgeContext,
): Promise<JudgedOutcome> {
  const role = strategyTraits(options.strategy).judge;
  if (role === 'none' || context.judge === undefined) return { verdict: decide(candidates, options), candidates, judgeTokens: 0 };
  // The plan and reply steps take the options without a strategy: the role says which.
  const plan = planJudge(candidates, options, role);
  if (!plan.ask) return { verdict: plan.verdict, candidates, judgeTokens: 0 };
  const prompt = judgePrompt(
    questionOf(context.request.prompt),
    plan.shown.map((response) => response.text),
    role,
  );
  const reply = await context.judge.judge(prompt, {
    maxTokens: role === 'merge' ? context.request.maxTokens : JUDGE_LIMITS.choiceTokens,
    signal: context.signal,
    ...(context.request.requestId !== undefined ? { requestId: context.request.requestId } : {}),
    ...(context.request.clientKey !== undefined ? { clientKey: context.request.clientKey } : {}),
  });
  const judged = applyJudgeReply(candidates, options, plan, reply);
  return {
    verdict: judged.verdict,
    candidates: judged.merged === null ? candidates : [...candidates, judged.merged],
    judgeTokens: reply.ok ? (reply.reply.completionTokens ?? 0) : 0,
  };
}
