/** Words that carry no answer: "the Nile" and "Nile" are the same answer. */
const ARTICLES = new Set(['a', 'an', 'the']);

/**
 * Canonical text for alias matching: Unicode NFKD with accents dropped ("Bogotá" = "Bogota"),
 * lowercase, thousands separators removed ("1,000" = "1000"), every other character that is not a
 * letter, a digit or a decimal point between digits turned into a space ("D.C." = "d c"), the
 * articles a/an/the dropped, whitespace collapsed. Decimal points inside numbers are kept so that
 * "3.14" does not read as the two numbers 3 and 14.
 */
export function normaliseAnswer(text: string): string {
  const words = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/(?<=\d),(?=\d{3}\b)/gu, '')
    .replace(/[^\p{L}\p{N}.]+/gu, ' ')
    .replace(/(?<!\d)\.|\.(?!\d)/gu, ' ')
    .split(' ')
    .filter((word) => word !== '' && !ARTICLES.has(word));
  return words.join(' ');
}

/** True when `phrase` (normalised) occurs in `text` (normalised) as whole words. */
export function containsPhrase(normalisedText: string, normalisedPhrase: string): boolean {
  if (normalisedPhrase === '') return false;
  return ` ${normalisedText} `.includes(` ${normalisedPhrase} `);
}
