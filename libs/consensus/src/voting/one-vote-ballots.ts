import { capDominantSource } from '../weighting/cap-dominant-source';
import { mapNonEmpty, toBallot, type Ballot, type NonEmpty } from './ballot';
import type { ScreenedCandidate } from './screen-candidates';

export interface CappedBallots {
  readonly ballots: NonEmpty<Ballot>;
  /** The clamp, when one source held more than half of the votes. */
  readonly notes: readonly string[];
}

/**
 * One vote per voting candidate, except that no source holds more than half of all votes (see
 * capDominantSource): a node alone, or sources sending equally many candidates, keep exactly one
 * vote per candidate; a source sending more than all the others together is scaled down to them.
 * The weight depends only on the candidate's source and the count of voting candidates per
 * source, never on its answer, so a pending vote weighs the same whichever group it joins.
 */
export function oneVoteBallots(voting: NonEmpty<ScreenedCandidate>): CappedBallots {
  const capped = capDominantSource(
    voting.map((entry) => entry.candidate),
    voting.map(() => 1),
  );
  let i = 0;
  return { ballots: mapNonEmpty(voting, (entry) => toBallot(entry, capped.weights[i++] ?? 0)), notes: capped.notes };
}
