/**
 * Bounds on one judge call, whatever the candidates hold: the judge's prompt must fit a small
 * model's context next to its answer, and its cost must not grow with what peers send.
 */
export const JUDGE_LIMITS = {
  /** Answer groups shown to the judge, heaviest first: the Universal Self-Consistency paper used 8. */
  maxResponses: 8,
  /** Characters of each shown response; a longer one is cut and ends with "…". */
  responseChars: 600,
  /** Characters of the question repeated to the judge. */
  questionChars: 1000,
  /** Tokens the judge may write when it only names a response ("The most consistent response is Response 3"). */
  choiceTokens: 48,
  /** Characters of the judge's reply the parser reads: the answer is on its first line. */
  replyChars: 400,
} as const;
