/**
 * Finds where generated text must end because a stop string appeared.
 * Returns the cut index (text before the earliest stop string), or null.
 *
 * `changedFrom`: the text before this index was already searched (as part of an earlier, shorter
 * text) and held no stop string, so only occurrences that end after it are looked for: each stop
 * is searched from `changedFrom - stop.length + 1`. Searching the whole answer at every token
 * would cost O(n²) in its length; the earliest cut found is the same.
 */
export function findStopIndex(text: string, stops: readonly string[], changedFrom = 0): number | null {
  let earliest: number | null = null;
  for (const stop of stops) {
    if (stop === '') continue;
    const index = text.indexOf(stop, Math.max(0, changedFrom - stop.length + 1));
    if (index >= 0 && (earliest === null || index < earliest)) earliest = index;
  }
  return earliest;
}
