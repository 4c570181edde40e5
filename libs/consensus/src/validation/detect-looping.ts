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
 * Each distinct token as a small integer, so the O(length × maxUnit) scans below compare numbers
 * in a typed array instead of strings.
 */
function tokenIds(tokens: readonly string[]): Int32Array {
  const idOf = new Map<string, number>();
  const ids = new Int32Array(tokens.length);
  tokens.forEach((token, index) => {
    let id = idOf.get(token);
    if (id === undefined) {
      id = idOf.size;
      idOf.set(token, id);
    }
    ids[index] = id;
  });
  return ids;
}

/**
 * Is there a stretch with period `n` (ids[j] === ids[j + n] over a run) repeated at least
 * `minRepeats` times and covering `minSpan` tokens? O(length × maxUnit) at worst.
 * `acceptUnit(start, n)` lets the caller veto a unit (e.g. layout characters).
 *
 * A qualifying run holds at least `needRun` consecutive matches, so it contains a multiple of
 * `needRun` (minus one): only those positions are probed, and a probe that matches is extended
 * both ways to its whole run. The run's start, hence the unit asked about, is the same as a
 * position-by-position scan would find; typical text costs length / needRun probes per period.
 */
function hasPeriodicRun(
  ids: Int32Array,
  rule: RunRule,
  acceptUnit: (start: number, n: number) => boolean = () => true,
): boolean {
  const maxUnit = Math.min(rule.maxUnit, Math.floor(ids.length / rule.minRepeats));
  for (let n = 1; n <= maxUnit; n++) {
    // span = run + n must reach n × minRepeats and minSpan.
    const needRun = Math.max(n * (rule.minRepeats - 1), rule.minSpan - n, 1);
    const end = ids.length - n;
    for (let j = needRun - 1; j < end; j += needRun) {
      if (ids[j] !== ids[j + n]) continue;
      let low = j;
      while (low > 0 && ids[low - 1] === ids[low - 1 + n]) low--;
      let high = j;
      while (high + 1 < end && ids[high + 1] === ids[high + 1 + n]) high++;
      if (high - low + 1 >= needRun && acceptUnit(low, n)) return true;
      j = high + 1; // ids[high + 1] breaks the run: the next run starts after it
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
  if (hasPeriodicRun(tokenIds(words), WORD_RUN)) return true;
  // Also without the last word: a loop cut by max_tokens often ends mid-word ("... The cap").
  if (hasRepeatedTail(words, TAIL_MIN_UNIT_WORDS) || hasRepeatedTail(words.slice(0, -1), TAIL_MIN_UNIT_WORDS)) {
    return true;
  }
  // Code points, not UTF-16 units, so a loop of emoji or astral CJK lines up.
  const chars = Array.from(tail);
  return hasPeriodicRun(tokenIds(chars), CHAR_RUN, (start, n) => !LAYOUT_ONLY.test(chars.slice(start, start + n).join('')));
}
