/**
 * Every bound that keeps one decide() cheap whatever a candidate holds, in one place: a LAN peer
 * may send up to 1 MiB per candidate, and 64 of them must still be decided in milliseconds.
 * Texts within these windows are examined whole, so normal-size answers are unaffected.
 */
export const COST_BOUNDS = {
  /**
   * Canonical forms (choice, yes/no, number, embedded JSON) read the opening and the end of a text:
   * labels and yes/no open an answer, markers ("The answer is (B)", "#### 42") and the final
   * number close it. 8 KB + 4 KB holds a long chain-of-thought answer whole. The whole-text JSON
   * parse and the free-text key still see the whole text (both linear).
   */
  canonical: { headChars: 8 * 1024, tailChars: 4 * 1024 },
  /**
   * Loop detection reads the end of a text: a model stuck in a loop keeps looping until it is
   * stopped, so a loop reaches the end. Each rule costs O(window × unit size), so the window is
   * what keeps it cheap; 2 KB holds several repetitions of the largest unit (200 characters).
   */
  looping: { tailChars: 2 * 1024 },
  /**
   * Similarity (fuzzball's token_set_ratio, O(a × b) per pair) compares at most the first 1,000
   * and last 500 characters of each text; and when one decision's pairs would cost more than
   * `pairBudget` (the sum over pairs of the two compared lengths multiplied), every text is
   * clipped to the same smaller window so the sum fits (never under `minWindowChars`). 4 M keeps
   * 64 distinct answers, 2,016 pairs, to a few tens of milliseconds.
   */
  similarity: { headChars: 1000, tailChars: 500, pairBudget: 4_000_000, minWindowChars: 32 },
  /**
   * JSON Schemas come from API clients and are compiled to code (ajv), which costs time and memory
   * in their size: one larger than `maxBytes` of JSON or nested deeper than `maxDepth` is refused
   * (a real answer shape is a few KB and a handful of levels), and at most `cachedCompilations`
   * compiled schemas are kept, least recently used dropped first, so a stream of distinct schemas
   * cannot grow memory.
   */
  schema: { maxBytes: 64 * 1024, maxDepth: 32, cachedCompilations: 64 },
  /**
   * Short-answer grouping reads the first `questionChars` of the question, and only texts of at
   * most `answerChars` characters with at most `answerWords` answer words count as short answers
   * (a longer text holds many words, so containment would merge it with anything it mentions).
   * Its merging is quadratic in the number of groups, which the candidate cap bounds.
   */
  grouping: { questionChars: 4 * 1024, answerChars: 512, answerWords: 12 },
} as const;

/**
 * The first `headChars` and last `tailChars` of a text joined by `separator` (the text itself when
 * it is that short). The separator keeps the two parts from gluing into one word.
 */
export function headAndTail(text: string, headChars: number, tailChars: number, separator: string): string {
  if (text.length <= headChars + tailChars) return text;
  return `${text.slice(0, headChars)}${separator}${tailChars > 0 ? text.slice(-tailChars) : ''}`;
}
