/**
 * Finds where generated text must end because a stop string appeared.
 * Returns the cut index (text before the earliest stop string), or null.
 */
export function findStopIndex(text: string, stops: readonly string[]): number | null {
  let earliest: number | null = null;
  for (const stop of stops) {
    if (stop === '') continue;
    const index = text.indexOf(stop);
    if (index >= 0 && (earliest === null || index < earliest)) earliest = index;
  }
  return earliest;
}
