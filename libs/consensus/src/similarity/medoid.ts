import { token_set_ratio } from 'fuzzball';
import { COST_BOUNDS, headAndTail } from '../bounds/cost-bounds';

/** Something that can be placed by centrality: a stable id (for memoising), its text, its weight. */
export interface CentralityItem {
  readonly id: number;
  readonly text: string;
  readonly weight: number;
}

/** Similarity of two items in 0..1. */
export type PairSimilarity = (a: CentralityItem, b: CentralityItem) => number;

/** Support values closer than this are ties (weights like 1/3 do not add up exactly). */
const EPSILON = 1e-9;

const { headChars, tailChars, pairBudget, minWindowChars } = COST_BOUNDS.similarity;
const MAX_WINDOW_CHARS = headChars + tailChars;

/**
 * Long answers are compared on their opening and end (at most the first 1,000 and last 500
 * characters): token_set_ratio runs a Levenshtein distance, O(length²) per pair (measured: ~5 ms
 * at 1.4 KB, ~50 ms at 6.5 KB). The opening states the answer and the end concludes it, so head +
 * tail keeps what distinguishes answers. A smaller window keeps the same two-to-one split.
 */
function clip(text: string, windowChars: number): string {
  const head = Math.round((windowChars * headChars) / MAX_WINDOW_CHARS);
  return headAndTail(text, head, windowChars - head, ' ');
}

/**
 * fuzzball's token-set ratio (TheFuzz's `token_set_ratio`) scaled to 0..1: word-order and
 * duplicate-word insensitive, so "Paris is the capital" and "The capital is Paris!" score 1.
 * Each text is clipped to `windowChars` (see clip).
 */
export function tokenSetSimilarity(a: string, b: string, windowChars: number = MAX_WINDOW_CHARS): number {
  // token_set_ratio('', '') is 0; identical texts are identical whatever their content.
  if (a === b) return 1;
  return token_set_ratio(clip(a, windowChars), clip(b, windowChars)) / 100;
}

/**
 * The window every text of one decision is clipped to: the full window when all pairs compared
 * that way fit COST_BOUNDS.similarity.pairBudget (each pair costs the product of the two compared
 * lengths), else the largest equal window whose pairs fit: the budget spread evenly over n(n-1)/2
 * pairs. So a decision over many long distinct answers costs at most the budget.
 */
export function similarityWindowFor(texts: readonly string[]): number {
  const lengths = texts.map((text) => Math.min(text.length, MAX_WINDOW_CHARS));
  let cost = 0;
  let sumBefore = 0;
  for (const length of lengths) {
    cost += length * sumBefore;
    sumBefore += length;
  }
  if (cost <= pairBudget) return MAX_WINDOW_CHARS;
  const pairs = (texts.length * (texts.length - 1)) / 2;
  return Math.max(minWindowChars, Math.min(MAX_WINDOW_CHARS, Math.floor(Math.sqrt(pairBudget / pairs))));
}

/** tokenSetSimilarity with the window similarityWindowFor picks for these texts. */
export function budgetedSimilarity(texts: readonly string[]): (a: string, b: string) => number {
  const windowChars = similarityWindowFor(texts);
  return (a, b) => tokenSetSimilarity(a, b, windowChars);
}

/** A PairSimilarity that computes each pair once (a verdict may ask for the same pair twice). */
export function memoizedSimilarity(similarity: (a: string, b: string) => number = tokenSetSimilarity): PairSimilarity {
  const cache = new Map<string, number>();
  return (a, b) => {
    const key = a.id < b.id ? `${a.id}:${b.id}` : `${b.id}:${a.id}`;
    let value = cache.get(key);
    if (value === undefined) {
      value = similarity(a.text, b.text);
      cache.set(key, value);
    }
    return value;
  };
}

/**
 * Orders items most central first. An item's support is its own weight plus every other item's
 * weight times their similarity: with equal weights that is "highest mean similarity to all
 * others" (the medoid), and with unequal weights a trusted source pulls the choice its way.
 * Equal support falls to `tieBreak`.
 */
export function rankByCentrality<T extends CentralityItem>(
  items: readonly T[],
  tieBreak: (a: T, b: T) => number,
  similarity: PairSimilarity = memoizedSimilarity(),
): T[] {
  if (items.length < 2) return [...items];
  const support = new Map<T, number>(items.map((item) => [item, item.weight]));
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      const a = items[i];
      const b = items[j];
      if (a === undefined || b === undefined) continue;
      const sim = similarity(a, b);
      support.set(a, (support.get(a) ?? 0) + b.weight * sim);
      support.set(b, (support.get(b) ?? 0) + a.weight * sim);
    }
  }
  return [...items].sort((a, b) => {
    const diff = (support.get(b) ?? 0) - (support.get(a) ?? 0);
    return Math.abs(diff) > EPSILON * Math.max(1, Math.abs(support.get(a) ?? 0)) ? diff : tieBreak(a, b);
  });
}

/** The most central item (see rankByCentrality), or undefined for no items. */
export function medoid<T extends CentralityItem>(
  items: readonly T[],
  tieBreak: (a: T, b: T) => number,
  similarity?: PairSimilarity,
): T | undefined {
  return rankByCentrality(items, tieBreak, similarity)[0];
}
