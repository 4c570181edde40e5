import { COST_BOUNDS } from '../bounds/cost-bounds';
import { NEGATION_WORDS } from './negation-words';
import { STOP_WORDS } from './stop-words';
import { tokeniseWords } from './tokenise-words';

/**
 * The answer-bearing words of a free-text answer, sorted and unique: its words minus stop words,
 * filler and the question's own words (negation words always stay). Empty when the text is not a
 * short answer (longer than COST_BOUNDS.grouping.answerChars, or more than `answerWords` answer
 * words): a long text mentions many things, and containment would join it to any of them. Empty
 * sets never merge.
 */
export function answerWords(text: string, question: ReadonlySet<string>): readonly string[] {
  const { answerChars, answerWords: maxWords } = COST_BOUNDS.grouping;
  if (text.length > answerChars) return [];
  const words = new Set(
    tokeniseWords(text).filter((word) => NEGATION_WORDS.has(word) || (!STOP_WORDS.has(word) && !question.has(word))),
  );
  return words.size > maxWords ? [] : [...words].sort();
}
