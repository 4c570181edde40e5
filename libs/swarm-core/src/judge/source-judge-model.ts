import type { JudgeReply } from '@local-swarm/consensus';
import type { CandidateSource } from '../sources/candidate-source';
import type { JudgeCall, JudgeModel } from './judge-model';

/** Longest a judge may take before the vote's own answer is used instead. */
export const DEFAULT_JUDGE_TIMEOUT_MS = 60_000;

/**
 * A JudgeModel over any CandidateSource (the local Swarm, a peer): the prompt as one user turn,
 * one candidate at temperature 0, within `timeoutMs`. A reply that ended in an error or was
 * cancelled counts as no reply.
 */
export function sourceJudgeModel(source: CandidateSource, timeoutMs: number = DEFAULT_JUDGE_TIMEOUT_MS): JudgeModel {
  return {
    id: source.id,
    async judge(prompt: string, call: JudgeCall): Promise<JudgeReply> {
      const startedAt = Date.now();
      const signal = AbortSignal.any([call.signal, AbortSignal.timeout(timeoutMs)]);
      try {
        const outcome = await source.generate(
          {
            prompt: { kind: 'chat', messages: [{ role: 'user', content: prompt }] },
            maxTokens: call.maxTokens,
            temperature: 0,
            candidates: 1,
            ...(call.requestId !== undefined ? { requestId: call.requestId } : {}),
            ...(call.clientKey !== undefined ? { clientKey: call.clientKey } : {}),
          },
          { signal, elapsedMs: () => Date.now() - startedAt },
        );
        if (!outcome.ok) return { ok: false, reason: outcome.failure.message };
        const [reply] = outcome.candidates;
        if (reply === undefined) return { ok: false, reason: 'the judge sent no answer' };
        if (reply.finishReason === 'error' || reply.finishReason === 'cancelled') {
          return { ok: false, reason: signal.aborted && !call.signal.aborted ? `timed out after ${timeoutMs} ms` : `the judge's answer ended in ${reply.finishReason}` };
        }
        return { ok: true, reply };
      } catch (error: unknown) {
        return { ok: false, reason: error instanceof Error ? error.message : String(error) };
      }
    },
  };
}
