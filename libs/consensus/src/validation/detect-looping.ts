import { COST_BOUNDS, headAndTail } from '../bounds/cost-bounds';

/**
 * Looping detection: a model stuck in a repetition loop ("I hope this helps! I hope this helps!
 * I hope ...") produces text that must not vote.
 *
 * Three pure rules, each tuned to stay quiet on prose, lists and tables (see the spec's table):
 * 1. a run of words repeated back to back 3+ times, spanning 12+ words in all ("very very very"
 *    is emphasis; twelve "very"s or a sentence said three times is a loop);
 * 2. a tail that repeats the stretch right before it: the text ends with a passage of 8+ words
 *    said twice in a row (a loop caught early; a last word cut off by max_tokens is ignored);
 * 3. a run of characters repeated back to back 3+ times over 80+ characters, for scripts without
 *    spaces (CJK) and symbol loops ("!!!!..."); units made only of rule/table characters
 *    ("-----", "=====", "| --- |") are layout, not loops.
 * A text that parses whole as a JSON object/array is complete by construction and never looping:
 * a list of identical records is data.
 * The rules read the end of a long text only (COST_BOUNDS.looping): a model stuck in a loop loops
 * until it is stopped, and each rule costs O(length × unit size).
 */
const WORD = /[\p{L}\p{N}]+/gu;
const WORD_RUN = { minRepeats: 3, minSpan: 12, maxUnit: 200 } as const;
const TAIL_MIN_UNIT_WORDS = 8;
const CHAR_RUN = { minRepeats: 3, minSpan: 80, maxUnit: 200 } as const;
const LAYOUT_ONLY = /^[\s\-=_*#~.|:+`'"\u2500-\u257f]*$/u;

interface RunRule {
  readonly minRepeats: number;
  readonly minSpan: number;
  readonly maxUnit: number;
}

/**
 * Is there a stretch with period `n` (tokens[j] === tokens[j + n] over a run) repeated at least
 * `minRepeats` times and covering `minSpan` tokens? O(length × maxUnit).
 * `acceptUnit` lets the caller veto a unit (e.g. layout characters).
 */
function hasPeriodicRun(
  tokens: readonly string[],
  rule: RunRule,
  acceptUnit: (unit: readonly string[]) => boolean = () => true,
): boolean {
  const maxUnit = Math.min(rule.maxUnit, Math.floor(tokens.length / rule.minRepeats));
  for (let n = 1; n <= maxUnit; n++) {
    let run = 0;
    let vetoedStart = -1;
    for (let j = 0; j + n < tokens.length; j++) {
      run = tokens[j] === tokens[j + n] ? run + 1 : 0;
      // The stretch tokens[j - run + 1 .. j + n] has period n: (run + n) / n repetitions.
      const span = run + n;
      const start = j - run + 1;
      if (span >= n * rule.minRepeats && span >= rule.minSpan && start !== vetoedStart) {
        if (acceptUnit(tokens.slice(start, start + n))) return true;
        vetoedStart = start; // same run, same unit: no need to ask again
      }
    }
  }
  return false;
}

/** Does the text end with a passage of at least `minUnit` tokens repeated twice back to back? */
function hasRepeatedTail(tokens: readonly string[], minUnit: number): boolean {
  const last = tokens.length - 1;
  for (let n = minUnit; 2 * n <= tokens.length; n++) {
    let run = 0;
    while (run < n && tokens[last - run] === tokens[last - run - n]) run++;
    if (run === n) return true;
  }
  return false;
}

function isCompleteJson(text: string): boolean {
  const trimmed = text.trim();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return false;
  try {
    JSON.parse(trimmed);
    return true;
  } catch {
    return false;
  }
}

export function detectLooping(text: string): boolean {
  if (isCompleteJson(text)) return false;
  const tail = headAndTail(text, 0, COST_BOUNDS.looping.tailChars, '');
  const words = tail.toLowerCase().match(WORD) ?? [];
  if (hasPeriodicRun(words, WORD_RUN)) return true;
  // Also without the last word: a loop cut by max_tokens often ends mid-word ("... The cap").
  if (hasRepeatedTail(words, TAIL_MIN_UNIT_WORDS) || hasRepeatedTail(words.slice(0, -1), TAIL_MIN_UNIT_WORDS)) {
    return true;
  }
  // Code points, not UTF-16 units, so a loop of emoji or astral CJK lines up.
  const chars = Array.from(tail);
  return hasPeriodicRun(chars, CHAR_RUN, (unit) => !LAYOUT_ONLY.test(unit.join('')));
}
