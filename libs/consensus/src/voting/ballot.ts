import type { CentralityItem } from '../similarity/medoid';
import { hasToolCalls } from '../tools/has-tool-calls';
import type { ScreenedCandidate } from './screen-candidates';

/** A voting candidate with its weight; a CentralityItem so medoids can be taken over ballots. */
export interface Ballot extends CentralityItem {
  readonly entry: ScreenedCandidate;
}

export type NonEmpty<T> = readonly [T, ...T[]];

export function isNonEmpty<T>(items: readonly T[]): items is NonEmpty<T> {
  return items.length > 0;
}

export function mapNonEmpty<T, U>(items: NonEmpty<T>, map: (item: T) => U): NonEmpty<U> {
  return [map(items[0]), ...items.slice(1).map(map)];
}

/**
 * A candidate answering with tool calls is compared by its calls (the group key), not by the text
 * beside them, so the medoid among call answers is the one whose calls the others resemble.
 */
export function toBallot(entry: ScreenedCandidate, weight: number): Ballot {
  const text = hasToolCalls(entry.candidate) ? entry.groupKey : entry.candidate.text;
  return { id: entry.rank, text, weight, entry };
}

/** Higher score first (null counts as lowest), then earlier stable order. */
export function compareByScore(a: Ballot, b: Ballot): number {
  const scoreA = a.entry.candidate.score ?? -Infinity;
  const scoreB = b.entry.candidate.score ?? -Infinity;
  if (scoreA !== scoreB) return scoreB - scoreA;
  return a.entry.rank - b.entry.rank;
}

/** Earlier completion first, then earlier stable order. */
export function compareByLatency(a: Ballot, b: Ballot): number {
  return a.entry.candidate.latencyMs - b.entry.candidate.latencyMs || a.entry.rank - b.entry.rank;
}
