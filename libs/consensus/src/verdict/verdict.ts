import type { Candidate } from '../candidate/candidate';
import type { StrategyName } from '../strategies/strategy-name';
import type { DropReason } from '../validation/drop-reason';

/** One candidate as the verdict ranks it. */
export interface RankedCandidate {
  /** Position in the input array given to decide(). */
  readonly index: number;
  readonly candidate: Candidate;
  /** `kind:key` of its canonical form (see canonicalForm); dropped candidates keep theirs too. */
  readonly groupKey: string;
  /** Its voting weight; 0 for a dropped candidate. */
  readonly weight: number;
}

/** Candidates whose answers reduce to the same canonical form. */
export interface CandidateGroup {
  readonly key: string;
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
  /** Winner group's weight / total weight of voting candidates; 0 when nobody voted. */
  readonly agreement: number;
  /** `agreement < 0.5`: no majority behind the answer. */
  readonly lowConfidence: boolean;
  /** False when no candidate passed validation and the winner is the least bad one. */
  readonly valid: boolean;
  /** Candidates kept out of the vote, least bad first. */
  readonly dropped: readonly { readonly index: number; readonly reason: DropReason }[];
  /** Human-readable explanations: drops, clamps, fallbacks. */
  readonly notes: readonly string[];
}
