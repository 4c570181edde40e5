import type { TaskFamily } from '../tasks/eval-task';

/** The judge strategy on one task's first group of k samples, beside majority on the same group. */
export interface JudgeOutcome {
  readonly taskId: string;
  readonly family: TaskFamily;
  /** 1 when the judged verdict's winner is right. */
  readonly judge: number;
  /** 1 when majority's winner (new grouping) on the same samples is right. */
  readonly majority: number;
  /** The judge was asked: the group held two answer groups or more. */
  readonly asked: boolean;
  /** Its reply named a shown response (false when not asked, or when the verdict fell back to majority). */
  readonly parsed: boolean;
  /** The judge picked another sample than majority. */
  readonly differs: boolean;
  /** Tokens the judge wrote (0 when not asked). */
  readonly replyTokens: number;
  /** Wall time of the judged decision (the judge's generation, if any). */
  readonly wallMs: number;
}
