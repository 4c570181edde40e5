/** A number: optional minus sign, digits with optional thousands separators, optional decimals. */
const NUMBER = /(?<![\p{L}\p{N}_.])([-\u2212]?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?/gu;
/** The final-answer marker the prompt asks for, tolerant of markdown bold and a missing colon. */
const ANSWER_MARKER = /\**\banswer\b\**\s*(?:is\s*)?[:=]?\**/giu;

function parseNumber(match: RegExpMatchArray): number {
  const sign = match[1] === '' ? 1 : -1;
  const integer = (match[2] ?? '').replace(/,/gu, '');
  const fraction = match[3] === undefined ? '' : `.${match[3]}`;
  return sign * Number(`${integer}${fraction}`);
}

/**
 * The number an arithmetic answer ends on: the first number after the last "Answer:" marker
 * (case-insensitive), else the last number in the text (reasoning usually ends on its result).
 * Undefined when the text holds no number.
 */
export function finalNumber(text: string): number | undefined {
  const markers = [...text.matchAll(ANSWER_MARKER)];
  const lastMarker = markers.at(-1);
  if (lastMarker !== undefined) {
    const tail = text.slice(lastMarker.index + lastMarker[0].length);
    const first = tail.matchAll(NUMBER).next();
    if (first.done !== true) return parseNumber(first.value);
  }
  const last = [...text.matchAll(NUMBER)].at(-1);
  return last === undefined ? undefined : parseNumber(last);
}
