/**
 * Multiple-choice letters A–J (MMLU has 4 options, MMLU-Pro 10).
 *
 * Lowercase letters and a bare "A"/"I" are also English words, so a letter only counts with a
 * marker that makes it a label: an "answer"/"option"/"choice" keyword, brackets, or being (almost)
 * the whole text.
 *
 * No two neighbouring quantifiers may match the same characters: "answer" followed by 32,000
 * spaces and no letter would otherwise be retried at every split of the spaces (quadratic). The
 * star/underscore and separator runs are atomic (`(?=(x*))\k<name>`: a lookahead keeps what it
 * matched, never backtracks into it), which finds the same matches because the letter that must
 * follow can never be one of those characters.
 */
const ANSWER_MARKER =
  /\b(?<keyword>answer|option|choice)\b(?=(?<emphasis>[*_]*))\k<emphasis>(?:\s+is)?(?:\s*[:=])?(?=(?<gap>[\s*_]*))\k<gap>(?:option\s+|choice\s+)?(?<open>[([])?(?<letter>[a-j])(?<close>[)\]])?[*_]*(?![\p{L}\p{N}])/giu;
/** The whole answer is a label: "B", "(B)", "B.", "b)". */
const WHOLE_LABEL = /^\s*(?:[*_]+\s*)?([([])?([a-j])([)\].:])?[*_]*\s*$/iu;
/**
 * The answer opens with a label followed by the option text: "(B) Paris", "B) Paris", "B. Paris".
 * Not "A: Paris": that is the Q/A transcript format, where "A:" means "Answer:".
 */
const LEADING_LABEL = /^\s*(?:[*_]+\s*)?(?:\(([A-J])\)|([A-J])[).])(?:\s*[*_]+)?\s+\S/u;
/** Spaces then a lowercase word, tested where a marker's "I" ends (sticky: no copy of the rest). */
const PRONOUN_AFTER = /\s+\p{Ll}/uy;
/** "(B)" anywhere in the text. */
const BRACKETED_ANYWHERE = /\(([A-J])\)/gu;
/** "B." or "B)" opening a line: how options are listed. */
const LINE_LABEL = /^[ \t]*([A-J])[.)][ \t]/gmu;

export function extractChoice(text: string): string | undefined {
  const fromMarker = extractFromMarker(text);
  if (fromMarker !== undefined) return fromMarker;

  const whole = WHOLE_LABEL.exec(text);
  if (whole?.[2] !== undefined) return whole[2].toUpperCase();

  // Several different labels ("(A) red, (B) blue", "A. red\nB. blue") are an enumeration of the
  // options, not an answer.
  const labels = new Set([...text.matchAll(BRACKETED_ANYWHERE), ...text.matchAll(LINE_LABEL)].map((m) => m[1]));
  if (labels.size > 1) return undefined;

  const leading = LEADING_LABEL.exec(text);
  const leadingLetter = leading?.[1] ?? leading?.[2];
  if (leadingLetter !== undefined) return leadingLetter;
  return labels.size === 1 ? [...labels][0] : undefined;
}

function extractFromMarker(text: string): string | undefined {
  let answer: string | undefined;
  const optionLetters = new Set<string>();
  for (const match of text.matchAll(ANSWER_MARKER)) {
    const keyword = (match.groups?.['keyword'] ?? '').toLowerCase();
    const letter = match.groups?.['letter'] ?? '';
    const bracketed = match.groups?.['open'] !== undefined && match.groups['close'] !== undefined;
    // "the answer is a dog": lowercase letters count only inside brackets.
    if (!bracketed && letter !== letter.toUpperCase()) continue;
    // "Answer: I think it is B": a capital I followed by a lowercase word is the pronoun.
    PRONOUN_AFTER.lastIndex = (match.index ?? 0) + match[0].length;
    if (!bracketed && letter === 'I' && PRONOUN_AFTER.test(text)) continue;
    if (keyword === 'answer') answer = letter.toUpperCase();
    else optionLetters.add(letter.toUpperCase());
  }
  // The last "answer" marker wins (models restate the final answer at the end); "option X" alone is
  // an answer only when the text names a single option ("Option A is wrong, option C..." is not).
  if (answer !== undefined) return answer;
  return optionLetters.size === 1 ? [...optionLetters][0] : undefined;
}
