import type { Candidate } from '../candidate/candidate';
import type { ConsensusOptions } from '../options/consensus-options';
import type { Verdict } from '../verdict/verdict';
import { compareByScore, mapNonEmpty, toBallot, type NonEmpty } from '../voting/ballot';
import { runStrategy, type StrategyChoice } from '../voting/run-strategy';
import type { ScreenedCandidate } from '../voting/screen-candidates';
import { tallyGroups } from '../voting/tally-groups';
import { chooseByMajority } from './majority';

/**
 * Why best_of_n cannot compare these candidates' scores, or null when it can. Mean token
 * log-probabilities are only comparable within one model (different vocabularies and
 * calibrations), and a missing score cannot be ranked.
 */
function fallbackReason(voting: readonly ScreenedCandidate[]): string | null {
  const models = [...new Set(voting.map((entry) => entry.candidate.model))].sort();
  if (models.length > 1) {
    return `candidates come from ${models.length} models (${models.join(', ')}), whose scores are not comparable`;
  }
  const unscored = voting.filter((entry) => entry.candidate.score === null).length;
  if (unscored > 0) return `${unscored} of ${voting.length} candidates have no score`;
  return null;
}

function chooseBestOfN(voting: NonEmpty<ScreenedCandidate>): StrategyChoice {
  const reason = fallbackReason(voting);
  if (reason !== null) {
    const choice = chooseByMajority(voting);
    return { ...choice, notes: [`best_of_n fell back to majority: ${reason}`, ...choice.notes] };
  }
  const ballots = mapNonEmpty(voting, (entry) => toBallot(entry, 1));
  const groups = tallyGroups(ballots, (members) => [...members].sort(compareByScore));
  const [winner] = [...ballots].sort(compareByScore);
  return { strategy: 'best_of_n', ballots, groups, winner: winner ?? ballots[0], notes: [] };
}

/**
 * best_of_n: the voting candidate with the highest mean token log-probability (ties: earlier
 * stable order). Only among candidates of one model with every score known; otherwise majority,
 * and the verdict's notes say why. Cost: O(n log n), no similarity computed. Groups are still
 * reported (weight 1 each), so `agreement` shows how many others gave the same answer.
 */
export function bestOfN(candidates: readonly Candidate[], options: Omit<ConsensusOptions, 'strategy'> = {}): Verdict {
  return runStrategy(candidates, { requested: 'best_of_n', options, choose: chooseBestOfN });
}
