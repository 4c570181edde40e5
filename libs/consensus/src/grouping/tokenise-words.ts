/** Letters, marks and digits: a word in any script ("São", "東京", "GPT4"). */
const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/**
 * The words of a text, NFKC-normalised and lowercased. "n't" reads as "not" (so "isn't Paris"
 * keeps its negation) and a possessive "'s" is dropped ("Iran's capital" names Iran).
 */
export function tokeniseWords(text: string): string[] {
  const normalised = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2019\u02bc]/gu, "'")
    .replace(/n't\b/gu, ' not')
    .replace(/'s\b/gu, '');
  return normalised.match(WORD) ?? [];
}
