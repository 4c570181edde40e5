import type { Candidate } from '../candidate/candidate';
import type { StrategyName } from '../strategies/strategy-name';
import type { DropReason } from '../validation/drop-reason';
import type { GroupingLayer } from '../grouping/grouping-layer';
import type { JudgeReport } from '../judge/judge-report';

/** One candidate as the verdict ranks it. */
export interface RankedCandidate {
  /** Position in the input array given to decide(). */
  readonly index: number;
  readonly candidate: Candidate;
  /**
   * Key of the group it voted in: `kind:key` of its canonical form (see canonicalForm), or, when
   * a later grouping layer merged its group into another, that group's key. Dropped candidates
   * keep their canonical form's.
   */
  readonly groupKey: string;
  /** Its voting weight; 0 for a dropped candidate. */
  readonly weight: number;
}

/** Candidates that give one answer: the same canonical form, short answer or meaning (see `layer`). */
export interface CandidateGroup {
  /** `kind:key` of its largest canonical form (first in the stable order on a tie). */
  readonly key: string;
  /** The weakest evidence that put it together: canonical < short_answer < semantic; medoid when nothing grouped and the medoid won. */
  readonly layer: GroupingLayer;
  /** Input indexes, best first (the group's medoid, or best score/latency for those strategies). */
  readonly memberIndexes: readonly number[];
  /** Sum of its members' weights. */
  readonly weight: number;
}

/** A decision that explains itself: the dashboard shows the groups and the agreement. */
export interface Verdict {
  readonly requestedStrategy: StrategyName;
  /** The strategy actually applied (best_of_n may fall back to majority). */
  readonly strategy: StrategyName;
  /** Null only when the input is empty. */
  readonly winner: RankedCandidate | null;
  /**
   * Every candidate, best first: the winner, the rest of the winner's group, the other groups
   * heaviest first, then dropped candidates least bad first. Take the top n for the API's `n`.
   */
  readonly ranking: readonly RankedCandidate[];
  /** Groups of voting candidates, heaviest first (dropped candidates are in no group). */
  readonly groups: readonly CandidateGroup[];
  /**
   * Winner group's weight / weight of every candidate asked for, in [0, 1]: dropped candidates
   * count with the weight they would have had if they voted, and those that never arrived (see
   * `askedFor`) one each at the mean voting weight. 0 when nobody voted.
   */
  readonly agreement: number;
  /** `agreement < 0.5`: no majority of the candidates asked for is behind the answer. */
  readonly lowConfidence: boolean;
  /** Candidates asked for: `options.askedFor`, or the candidates given when that is larger. */
  readonly askedFor: number;
  /** Candidates that voted (passed validation). `askedFor - validCount - dropped` never arrived. */
  readonly validCount: number;
  /** How many candidates were dropped for each reason (reasons with none are absent). */
  readonly dropReasons: Readonly<Partial<Record<DropReason, number>>>;
  /**
   * Shannon entropy (natural log) of the asked-for weight over the groups plus one "no answer"
   * bucket (dropped and missing): 0 when all agree, ln 2 for two equal groups, at most ln(groups + 1).
   */
  readonly entropy: number;
  /** False when no candidate passed validation and the winner is the least bad one. */
  readonly valid: boolean;
  /** Candidates kept out of the vote, least bad first. */
  readonly dropped: readonly { readonly index: number; readonly reason: DropReason }[];
  /** Human-readable explanations: drops, clamps, fallbacks. */
  readonly notes: readonly string[];
  /** judge / judge_merge: what the judge model did; absent when no judge was asked. */
  readonly judge?: JudgeReport;
}
