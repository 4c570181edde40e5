import type { JudgeReply } from '@local-swarm/consensus';
import type { JudgeCall, JudgeModel } from '@local-swarm/swarm-core';

/**
 * Asks `preferred` (a judge peer) and, when it fails (unreachable, error, timeout), `fallback`
 * (this node's own model), saying so in the reply's note. The client leaving stops both.
 */
export function judgeWithFallback(preferred: JudgeModel, fallback: JudgeModel): JudgeModel {
  return {
    id: preferred.id,
    async judge(prompt: string, call: JudgeCall): Promise<JudgeReply> {
      const first = await preferred.judge(prompt, call);
      if (first.ok || call.signal.aborted) return first;
      const second = await fallback.judge(prompt, call);
      const note = `judge peer "${preferred.id}" failed (${first.reason}): "${fallback.id}" judged instead`;
      return second.ok ? { ...second, note } : second;
    },
  };
}
