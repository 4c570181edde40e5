export type YesNo = 'yes' | 'no';

/**
 * "answer: yes", "**Answer:** \"No\"". The emphasis and separator runs are atomic
 * (`(?=(x*))\k<name>`, see extract-choice.ts) so a long run of spaces is never re-split
 * (quadratic); the same texts match since the yes/no word cannot start with those characters.
 */
const ANSWER_MARKER =
  /\banswer\b(?=(?<emphasis>[*_]*))\k<emphasis>(?:\s+is)?(?:\s*[:=])?(?=(?<gap>[\s*_"']*))\k<gap>(?<word>yes|no|true|false)\b/giu;
/** "Yes", "Yes, it is", "Yes it does": an opening "yes" is an answer whatever follows. */
const LEADING_YES = /^(yes|true)\b/u;
/**
 * An opening "no" is an answer only before punctuation, the end, or a pronoun ("No, ...", "No it
 * isn't"): "No one knows", "No matter what" and "None" are prose.
 */
const LEADING_NO = /^(no|false)\b(?=\s*(?:[.,!;:\u2013\u2014-]|$)|\s+(?:it|that|this|there|they|he|she|we|you|i)\b)/u;

function toYesNo(word: string): YesNo {
  return word === 'yes' || word === 'true' ? 'yes' : 'no';
}

/** yes/no from an "answer: yes" marker or an opening yes/no; "true"/"false" count as yes/no. */
export function extractYesNo(text: string): YesNo | undefined {
  const lower = text.normalize('NFKC').toLowerCase();
  let marked: string | undefined;
  for (const match of lower.matchAll(ANSWER_MARKER)) marked = match.groups?.['word'];
  if (marked !== undefined) return toYesNo(marked);

  const opening = lower.replace(/^[\s*_"'`>#]+/u, '');
  const leading = LEADING_YES.exec(opening) ?? LEADING_NO.exec(opening);
  return leading?.[1] === undefined ? undefined : toYesNo(leading[1]);
}
