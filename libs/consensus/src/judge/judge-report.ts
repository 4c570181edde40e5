/** What the judge did for a verdict, so a client can see who judged and whether it was heeded. */
export interface JudgeReport {
  /** The judge's source id ("local" for this node's own model, else the judging peer's id). */
  readonly source: string;
  /** Model id of the judge. */
  readonly model: string;
  /** The response it named (1-based, as shown); null for a merge or when its reply named none. */
  readonly choice: number | null;
  /** How many answer groups the judge was shown. */
  readonly groupsShown: number;
  /** Tokens the judge generated. */
  readonly replyTokens: number;
  /** True when its reply was usable: a number in range, or a complete merged answer. */
  readonly parsed: boolean;
  /** Why the verdict fell back to majority instead; null when the judge was heeded. */
  readonly fallback: string | null;
}
