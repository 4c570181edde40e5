import type { JudgeReply } from '@local-swarm/consensus';

/** One judge call: how long the judge may write, and when to give up. */
export interface JudgeCall {
  readonly maxTokens: number;
  /** Aborts the judge: the client left. */
  readonly signal: AbortSignal;
  /** Correlates the judge's logs with the request's. */
  readonly requestId?: string;
  /** Who asked, so the judge's generation waits in the queue with the client's share. */
  readonly clientKey?: string;
}

/**
 * A model that reads the judge prompt and answers it once, greedily: this node's own swarm, or a
 * peer trusted to judge. Never throws: a failure is a reply with `ok: false` and its reason.
 */
export interface JudgeModel {
  /** The source id its reply carries ("local" for this node). */
  readonly id: string;
  judge(prompt: string, call: JudgeCall): Promise<JudgeReply>;
}
