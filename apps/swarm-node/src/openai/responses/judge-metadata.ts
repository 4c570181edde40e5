import type { JudgeReport } from '@local-swarm/consensus';

/** `consensus.judge`: who judged the candidates (judge / judge_merge) and whether its reply was heeded. */
export interface JudgeMetadata {
  readonly source: string;
  readonly model: string;
  /** The response it named, 1-based as shown to it; null for a merge or an unusable reply. */
  readonly choice: number | null;
  readonly groups_shown: number;
  readonly reply_tokens: number;
  readonly parsed: boolean;
  /** Why the answer is majority's instead; null when the judge was heeded. */
  readonly fallback: string | null;
}

export function judgeMetadataOf(report: JudgeReport): JudgeMetadata {
  return {
    source: report.source,
    model: report.model,
    choice: report.choice,
    groups_shown: report.groupsShown,
    reply_tokens: report.replyTokens,
    parsed: report.parsed,
    fallback: report.fallback,
  };
}
