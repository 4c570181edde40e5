import { COST_BOUNDS } from '../bounds/cost-bounds';
import { canonicalNumber, NUMBER } from '../canonical/extract-number';
import { shiftDecimal } from './shift-decimal';
import { UNIT_SCALES } from './unit-scales';

/** A number, then at most one space, then the word (or %) after it: its unit, when it has one. */
const QUANTITY = new RegExp(`${NUMBER.source}\\s?(%|\\p{L}+)?`, 'gu');

/**
 * The answer of a number group in base units, as words: "1 km", "1,000 m" and "1000 meters" all
 * give ["1000", "m"]. `numberKey` is the canonical number the text answered (the key of its
 * number form); its last occurrence followed by a known unit (see UNIT_SCALES) gives the unit.
 * Empty when the number carries no known unit or the text is not short (COST_BOUNDS.grouping):
 * a bare number already groups by its canonical form, and is never equated with a quantity
 * ("1000" is not "1 kg").
 */
export function quantityWords(text: string, numberKey: string): readonly string[] {
  if (text.length > COST_BOUNDS.grouping.answerChars) return [];
  let words: readonly string[] = [];
  for (const match of text.matchAll(QUANTITY)) {
    if (canonicalNumber(match[1] ?? '', match[2] ?? '', match[3]) !== numberKey) continue;
    const scale = UNIT_SCALES.get((match[4] ?? '').toLowerCase());
    words = scale === undefined ? [] : [shiftDecimal(numberKey, scale.exponent), scale.base];
  }
  return words;
}
