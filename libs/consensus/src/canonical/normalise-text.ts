/**
 * Free-text canonical form: Unicode NFKC, lowercase, whitespace collapsed, trailing punctuation
 * stripped, so "Paris." and "  paris " vote together.
 */
export function normaliseText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/[\s.,;:!?…。！？、]+$/u, '');
}
