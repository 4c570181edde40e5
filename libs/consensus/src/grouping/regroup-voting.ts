import type { NonEmpty } from '../voting/ballot';
import type { ScreenedCandidate } from '../voting/screen-candidates';
import { layeredGroups, type GroupingAtom, type LayeredGroupingOptions } from './layered-groups';

/**
 * The voting candidates with the group each votes in (`voteKey`, `layer`) after every grouping
 * layer (see layeredGroups). Only voting candidates are grouped: a dropped answer lends no words
 * to a merge. Expects the stable order screenCandidates returns.
 */
export function regroupVoting(voting: NonEmpty<ScreenedCandidate>, options: LayeredGroupingOptions): NonEmpty<ScreenedCandidate> {
  const atomIndex = new Map<string, number>();
  const atoms: { key: string; texts: string[]; firstRank: number }[] = [];
  for (const entry of voting) {
    const known = atomIndex.get(entry.groupKey);
    const atom = known === undefined ? undefined : atoms[known];
    if (atom !== undefined) {
      atom.texts.push(entry.candidate.text);
      atom.firstRank = Math.min(atom.firstRank, entry.rank);
    } else {
      atomIndex.set(entry.groupKey, atoms.length);
      atoms.push({ key: entry.groupKey, texts: [entry.candidate.text], firstRank: entry.rank });
    }
  }
  const frozen: readonly GroupingAtom[] = atoms;
  const placements = layeredGroups(frozen, options);
  const place = (entry: ScreenedCandidate): ScreenedCandidate => {
    const placement = placements[atomIndex.get(entry.groupKey) ?? -1];
    return placement === undefined ? entry : { ...entry, voteKey: placement.key, layer: placement.layer };
  };
  return [place(voting[0]), ...voting.slice(1).map(place)];
}
