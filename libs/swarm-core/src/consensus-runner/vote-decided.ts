import {
  compareStable,
  decide,
  strategyTraits,
  type Candidate,
  type CandidateGroup,
  type ConsensusOptions,
} from '@local-swarm/consensus';
import { tooFewVotesToLead } from './too-few-votes-to-lead';

/** Candidates a source may still send: its id, its model when known, and how many at most. */
export interface PendingVotes {
  readonly source: string;
  /** The model its candidates come from; undefined until one arrived (then the heaviest weight is assumed). */
  readonly model: string | undefined;
  readonly count: number;
}

/** A text no real answer has: the probe for "every pending vote forms a new group". */
const NEW_GROUP_PROBE = '{"local_swarm_early_exit_probe": "a group nobody has proposed yet"}';

/**
 * Relative margin under which a rival's weight plus the pending weight counts as "maybe equal" to
 * the leader's: far wider than decide()'s own equality tolerance and its rounding, so a rival
 * outside it is clearly lighter or heavier, and one inside it is settled by decide() itself.
 */
const TIE_BAND = 1e-6;
/** Rivals' weights this close count as one weight (decide()'s own tolerance is wider). */
const SAME_WEIGHT = 1e-12;

/**
 * Characters of candidate text beyond which no early decision is tried. A check runs decide() up
 * to four times; on megabytes of text (a peer's 64 candidates of 64 KB) that is hundreds of ms of
 * blocked event loop per arrival. The answers of one real request are far below this; above it
 * the request waits for every source, which costs generation time, never a different answer.
 */
export const EARLY_EXIT_TEXT_BUDGET = 256 * 1024;

/**
 * True when the answer that leads now can no longer be overturned by the votes still pending,
 * so generating them is wasted work. Never decided when the texts received exceed
 * EARLY_EXIT_TEXT_BUDGET (the check itself would cost more than it saves).
 *
 * The lead is judged on canonical groups (below). With layered grouping (the default) a vote still
 * pending can also merge groups ("New York City" joins "New York" and "York City"), move a short
 * answer from one container to another, or bring embeddings that join meanings, so no count of a
 * single rival bounds it. There the leader's canonical group must, on top, outweigh every other
 * vote received and pending together: whatever merges, the group holding it stays the heaviest,
 * so the answer stays within it. That decides later than a lead that merging would have built, which costs
 * generation time, never a different answer.
 */
export function isVoteDecided(
  received: readonly Candidate[],
  pending: readonly PendingVotes[],
  options: ConsensusOptions,
): boolean {
  return isCanonicalLeadDecided(received, pending, { ...options, grouping: 'canonical' }, options.grouping !== 'canonical');
}

/**
 * The lead on canonical groups (`options.grouping` is 'canonical'): decided when no rival can
 * overturn it with the votes still pending, and, with `requireMajority`, when the leader's group
 * outweighs every other vote received and pending together.
 *
 * The worst case for the leader against a rival group is every pending vote joining that rival:
 * a vote that is dropped or goes elsewhere takes nothing from the leader's margin over it. The
 * vote is decided when the leader still wins each such case, for every rival and for a new group.
 * A source whose model is not known yet is assumed to carry the heaviest model weight.
 *
 * decide() stays the judge of the voting rules (canonical groups, shared source weights, the
 * clamp, tie-breaks), but is asked a bounded number of times, not once per rival: the pending
 * votes weigh the same whichever group they join (weights depend on source and model only), so
 * one decide() with the pending votes as a new group gives every group's weight and the pending
 * weight. A rival that with the pending weight is clearly heavier than the leader overturns it; a
 * clearly lighter one cannot. Among rivals that would tie on weight, the group tie-breaks (best
 * score, then earliest stable order) make the most dangerous one either the first of them in the
 * verdict's order (the best score) or the one holding the earliest candidate; decide() is asked
 * about those two.
 */
function isCanonicalLeadDecided(
  received: readonly Candidate[],
  pending: readonly PendingVotes[],
  options: ConsensusOptions,
  requireMajority: boolean,
): boolean {
  // Only a strategy whose outcome a count of votes settles can be decided by a lead.
  if (strategyTraits(options.strategy).earlyStop !== 'decided-lead') return false;
  const pendingTotal = pending.reduce((sum, votes) => sum + votes.count, 0);
  if (pendingTotal === 0 || received.length === 0) return false;
  if (received.reduce((chars, candidate) => chars + candidate.text.length, 0) > EARLY_EXIT_TEXT_BUDGET) return false;
  if (tooFewVotesToLead(received, pending, options)) return false;
  const now = decide(received, options);
  if (now.winner === null || !now.valid) return false;
  const leader = now.winner.groupKey;

  const heaviestModel = heaviestModelId(options);
  const leaderWinsWithPendingAs = (answer: Answer): boolean =>
    decide([...received, ...hypotheticalVotes(pending, answer, heaviestModel)], options).winner?.groupKey === leader;

  const probe = decide([...received, ...hypotheticalVotes(pending, { text: NEW_GROUP_PROBE }, heaviestModel)], options);
  if (probe.winner?.groupKey !== leader) return false;
  const receivedGroups = probe.groups.filter((group) => (group.memberIndexes[0] ?? Infinity) < received.length);
  const pendingWeight = probe.groups
    .filter((group) => !receivedGroups.includes(group))
    .reduce((sum, group) => sum + group.weight, 0);
  const [first, ...rivals] = receivedGroups;
  // Another group ahead of the leader on the group tie-breaks stays ahead whichever rival the
  // pending votes join.
  if (first === undefined || first.key !== leader) return false;
  if (requireMajority) {
    const total = probe.groups.reduce((sum, group) => sum + group.weight, 0);
    if (2 * first.weight - total <= TIE_BAND * Math.max(1, Math.abs(total))) return false;
  }

  const band = TIE_BAND * Math.max(1, Math.abs(first.weight));
  const maybeTied: CandidateGroup[] = [];
  for (const rival of rivals) {
    const margin = rival.weight + pendingWeight - first.weight;
    if (margin > band) return false;
    if (margin >= -band) maybeTied.push(rival);
  }
  // A rival's answer is its text or, for a group of tool calls, its calls: what joins its group.
  const answerOf = (group: CandidateGroup): Answer => {
    const member = received[group.memberIndexes[0] ?? -1];
    return { text: member?.text ?? '', toolCalls: member?.toolCalls };
  };
  return mostDangerous(maybeTied, received, first.weight).every((rival) => leaderWinsWithPendingAs(answerOf(rival)));
}

/**
 * The rivals worth asking decide() about among those that may tie the leader on weight (in the
 * verdict's order: best score first). When they share one weight: the first (best score) and the
 * one holding the earliest candidate in the stable order; otherwise, all of them.
 */
function mostDangerous(
  maybeTied: readonly CandidateGroup[],
  received: readonly Candidate[],
  leaderWeight: number,
): CandidateGroup[] {
  const [bestScored] = maybeTied;
  if (bestScored === undefined) return [];
  const sameWeight = maybeTied.every(
    (rival) => Math.abs(rival.weight - bestScored.weight) <= SAME_WEIGHT * Math.max(1, Math.abs(leaderWeight)),
  );
  if (!sameWeight) return [...maybeTied];
  const earliestOf = (group: CandidateGroup): Candidate | undefined =>
    group.memberIndexes
      .map((index) => received[index])
      .filter((candidate): candidate is Candidate => candidate !== undefined)
      .sort(compareStable)[0];
  let earliest = { group: bestScored, candidate: earliestOf(bestScored) };
  for (const rival of maybeTied) {
    const candidate = earliestOf(rival);
    if (candidate !== undefined && earliest.candidate !== undefined && compareStable(candidate, earliest.candidate) < 0) {
      earliest = { group: rival, candidate };
    }
  }
  return earliest.group === bestScored ? [bestScored] : [bestScored, earliest.group];
}

/** What a hypothetical vote answers: a text, or tool calls. */
type Answer = Pick<Candidate, 'text' | 'toolCalls'>;

/** Every pending vote as a candidate with `answer`, the best score, from its source. */
function hypotheticalVotes(pending: readonly PendingVotes[], answer: Answer, heaviestModel: string): Candidate[] {
  return pending.flatMap((votes) =>
    Array.from({ length: votes.count }, (_, index): Candidate => ({
      ...answer,
      score: 0,
      source: votes.source,
      sequence: Number.MAX_SAFE_INTEGER - index,
      model: votes.model ?? heaviestModel,
      finishReason: 'stop',
      latencyMs: 0,
    })),
  );
}

/** The model id with the largest weight (a name no model has when the default 1 is the largest). */
function heaviestModelId(options: ConsensusOptions): string {
  let heaviest = { id: '\u0000unknown model', weight: 1 };
  for (const [id, weight] of Object.entries(options.modelWeights ?? {})) {
    if (weight > heaviest.weight) heaviest = { id, weight };
  }
  return heaviest.id;
}
