/** Trailing punctuation stripped from free text ("Paris." votes with "paris"). */
const TRAILING_PUNCTUATION = /[\s.,;:!?…。！？、]/u;

/**
 * Free-text canonical form: Unicode NFKC, lowercase, whitespace collapsed, trailing punctuation
 * stripped, so "Paris." and "  paris " vote together.
 */
export function normaliseText(text: string): string {
  const collapsed = text.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim();
  // A loop, not /[...]+$/: that regex retries from every start of a long punctuation run
  // ("!!!!…x"), quadratic in the run's length.
  let end = collapsed.length;
  while (end > 0 && TRAILING_PUNCTUATION.test(collapsed.charAt(end - 1))) end--;
  return collapsed.slice(0, end);
}
