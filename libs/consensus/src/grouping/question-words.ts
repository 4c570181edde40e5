import { COST_BOUNDS } from '../bounds/cost-bounds';
import { NEGATION_WORDS } from './negation-words';
import { tokeniseWords } from './tokenise-words';

const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;

/**
 * The question's own words: an answer repeating them ("The capital of France is Paris" for "What
 * is the capital of France?") says no more than one that doesn't ("Paris"). Only the first
 * COST_BOUNDS.grouping.questionChars characters are read; a word cut at that edge is dropped, so
 * the cut never invents a word. Negation words stay answer words whatever the question says.
 */
export function questionWords(question: string | undefined): ReadonlySet<string> {
  if (typeof question !== 'string' || question === '') return new Set();
  const limit = COST_BOUNDS.grouping.questionChars;
  const words = tokeniseWords(question.slice(0, limit));
  if (WORD_CHAR.test(question.charAt(limit)) && WORD_CHAR.test(question.charAt(limit - 1))) words.pop();
  return new Set(words.filter((word) => !NEGATION_WORDS.has(word)));
}
