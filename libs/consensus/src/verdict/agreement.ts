import type { ConsensusOptions } from '../options/consensus-options';
import type { StrategyName } from '../strategies/strategy-name';
import type { DropReason } from '../validation/drop-reason';
import type { ScreenedCandidate } from '../voting/screen-candidates';
import { capDominantSource } from '../weighting/cap-dominant-source';
import { shareSourceWeights } from '../weighting/share-source-weights';
import { groupEntropy } from './group-entropy';
import type { Verdict } from './verdict';

/** Below this agreement the verdict is flagged: no majority of what was asked for backs the answer. */
export const LOW_CONFIDENCE_BELOW = 0.5;

/** The verdict fields that say how far the candidates asked for back the winner (documented on Verdict). */
export type Agreement = Pick<Verdict, 'agreement' | 'lowConfidence' | 'askedFor' | 'validCount' | 'dropReasons' | 'entropy'>;

export interface AgreementInput {
  /** The strategy applied: it says how a candidate would have weighed had it voted. */
  readonly strategy: StrategyName;
  /** Every candidate that arrived, voting and dropped. */
  readonly screened: readonly ScreenedCandidate[];
  /** Input indexes of the winner's group; empty when nobody voted. */
  readonly winnerGroup: readonly number[];
  /** Input indexes of every voting group, the winner's included. */
  readonly groups: readonly (readonly number[])[];
  readonly options: Pick<ConsensusOptions, 'sourceWeights' | 'modelWeights' | 'askedFor'>;
}

/**
 * The weight each arrived candidate would have had if every one of them had voted: the strategy's
 * own rule (weighted_vote: its source's share times its model's weight; the others: one vote),
 * with the same cap on a dominant source. Keyed by input index.
 */
function askedWeights(input: AgreementInput): Map<number, number> {
  const candidates = input.screened.map((entry) => entry.candidate);
  const { weights } =
    input.strategy === 'weighted_vote'
      ? shareSourceWeights(candidates, input.options.sourceWeights, input.options.modelWeights)
      : capDominantSource(candidates, candidates.map(() => 1));
  return new Map(input.screened.map((entry, i) => [entry.index, weights[i] ?? 0]));
}

function countReasons(screened: readonly ScreenedCandidate[]): Partial<Record<DropReason, number>> {
  const counts: Partial<Record<DropReason, number>> = {};
  for (const { dropReason } of screened) if (dropReason !== null) counts[dropReason] = (counts[dropReason] ?? 0) + 1;
  return counts;
}

/**
 * Honest agreement: the winner group's weight over the weight of every candidate asked for.
 * A dropped candidate (truncated, empty, looping, invalid…) counts with the weight it would have
 * had if it had voted, so 6 truncated of 7 give 1/7, not 1. A candidate asked for that never
 * arrived (`options.askedFor` above the arrived count: a peer that failed or sent fewer, answers
 * left out) counts as one more candidate of the mean voting weight: its source and model are
 * unknown, and the mean neither favours nor punishes any source.
 */
export function agreementOf(input: AgreementInput): Agreement {
  const weightOf = askedWeights(input);
  const sum = (indexes: readonly number[]): number => indexes.reduce((total, index) => total + (weightOf.get(index) ?? 0), 0);
  const voting = input.screened.filter((entry) => entry.dropReason === null);
  const dropped = input.screened.filter((entry) => entry.dropReason !== null);
  const askedFor = Math.max(input.options.askedFor ?? 0, input.screened.length);
  const meanVotingWeight = voting.length > 0 ? sum(voting.map((entry) => entry.index)) / voting.length : 0;
  const noAnswerWeight = sum(dropped.map((entry) => entry.index)) + (askedFor - input.screened.length) * meanVotingWeight;

  const groupWeights = input.groups.map(sum);
  const total = groupWeights.reduce((all, weight) => all + weight, 0) + noAnswerWeight;
  const winnerWeight = sum(input.winnerGroup);
  const agreement = total > 0 ? Math.min(1, Math.max(0, winnerWeight / total)) : 0;
  return {
    agreement,
    lowConfidence: agreement < LOW_CONFIDENCE_BELOW,
    askedFor,
    validCount: voting.length,
    dropReasons: countReasons(input.screened),
    entropy: groupEntropy(groupWeights, noAnswerWeight),
  };
}
