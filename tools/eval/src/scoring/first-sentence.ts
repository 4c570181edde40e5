/**
 * Abbreviations whose period does not end a sentence: titles and "St." / "Mt." in place names,
 * and any single letter ("D.C.", "J. K. Rowling", "Washington D.C. is ...").
 */
const ABBREVIATION = /(?:^|[\s.(])(?:[\p{L}]|St|Mt|Mr|Mrs|Ms|Dr|Jr|Sr|vs|etc|approx|No)\.$/u;

/**
 * The part of an answer that states the answer: its first non-empty line, cut at the end of its
 * first sentence (".", "!" or "?" followed by a space, unless the period closes an abbreviation or
 * an initial). Small models often answer in the first sentence and then wander ("Paris. Other
 * cities in France include Lyon ..."), so later text must not earn credit.
 */
export function firstSentence(text: string): string {
  const line = text.split(/\r?\n/u).find((candidate) => candidate.trim() !== '') ?? '';
  const boundary = /[.!?](?=\s)/gu;
  for (const match of line.matchAll(boundary)) {
    const end = match.index + 1;
    if (match[0] === '.' && ABBREVIATION.test(line.slice(0, end))) continue;
    return line.slice(0, end).trim();
  }
  return line.trim();
}
