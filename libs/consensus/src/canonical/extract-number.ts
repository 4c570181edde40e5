/**
 * A number in prose: optional sign, digits with optional thousands separators, optional decimals.
 * The lookbehind keeps digits inside words ("GPT4", "H2O", "v2") and decimals' tails out.
 */
export const NUMBER = /(?<![\p{L}\p{N}_.])([-\u2212]?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?/gu;
/** Explicit final-answer markers, strongest first: LaTeX \boxed{..}, GSM8K's "####", "answer ...". */
const BOXED = /\\boxed\{([^{}]*)\}/gu;
const HASHES = /####\s*([^\n]*)/gu;
/** "answer" then up to 40 characters on the same line (extended to finish the token they cut). */
const ANSWER = /\banswer\b([^\n]{0,40}\S*)/giu;

function lastMatch(text: string, pattern: RegExp): string | undefined {
  let last: string | undefined;
  for (const match of text.matchAll(pattern)) last = match[1];
  return last;
}

/** "-0012.500" -> "-12.5"; "1,234" -> "1234"; exact, so big integers keep every digit. */
export function canonicalNumber(sign: string, integer: string, fraction: string | undefined): string {
  const digits = integer.replace(/,/g, '').replace(/^0+(?=\d)/, '');
  // A loop, not /0+$/: that regex retries from every zero of a long run of zeros (quadratic).
  let decimalsEnd = (fraction ?? '').length;
  while (decimalsEnd > 0 && fraction?.charAt(decimalsEnd - 1) === '0') decimalsEnd--;
  const decimals = (fraction ?? '').slice(0, decimalsEnd);
  const magnitude = decimals === '' ? digits : `${digits}.${decimals}`;
  return sign !== '' && /[1-9]/.test(magnitude) ? `-${magnitude}` : magnitude;
}

function numbersIn(text: string): string[] {
  return [...text.matchAll(NUMBER)].map((m) => canonicalNumber(m[1] ?? '', m[2] ?? '', m[3]));
}

/**
 * The answer's number: the first number after the last explicit marker (\boxed{}, ####, "answer"),
 * else the last number in the text (reasoning ends with its result: "... so the total is 42.").
 */
export function extractNumber(text: string): string | undefined {
  for (const marker of [BOXED, HASHES, ANSWER]) {
    const tail = lastMatch(text, marker);
    const first = tail === undefined ? undefined : numbersIn(tail)[0];
    if (first !== undefined) return first;
  }
  return numbersIn(text).at(-1);
}
