import type { Candidate } from '../candidate/candidate';
import type { ConsensusOptions } from '../options/consensus-options';
import type { Verdict } from '../verdict/verdict';
import { mapNonEmpty, toBallot } from '../voting/ballot';
import { runStrategy } from '../voting/run-strategy';
import { vote } from '../voting/vote';
import { shareSourceWeights } from '../weighting/share-source-weights';

/**
 * weighted_vote: majority where each candidate votes with its share of its source's weight,
 * times its model's weight, with no source above half the total (see shareSourceWeights).
 * Weights are shared among a source's voting candidates only: a source whose other samples were
 * dropped keeps its full weight on the one that remains.
 */
export function weightedVote(candidates: readonly Candidate[], options: Omit<ConsensusOptions, 'strategy'> = {}): Verdict {
  return runStrategy(candidates, {
    requested: 'weighted_vote',
    options,
    choose: (voting) => {
      const shared = shareSourceWeights(
        voting.map((entry) => entry.candidate),
        options.sourceWeights,
        options.modelWeights,
      );
      let i = 0;
      const ballots = mapNonEmpty(voting, (entry) => toBallot(entry, shared.weights[i++] ?? 0));
      const outcome = vote(ballots);
      return { strategy: 'weighted_vote', ballots, ...outcome, notes: [...shared.notes, ...outcome.notes] };
    },
  });
}
