/**
 * Words that reverse or restrict an answer. They are answer words (never removed, not even when
 * the question holds them), and a group never joins a containing group whose extra words include
 * one: "not Paris" contains {paris} but says the opposite.
 */
export const NEGATION_WORDS: ReadonlySet<string> = new Set([
  'not', 'no', 'never', 'none', 'neither', 'nor', 'nothing', 'nobody', 'nowhere', 'cannot', 'without', 'except',
  'but', 'unless', 'false', 'incorrect', 'wrong',
]);
