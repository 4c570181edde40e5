import { decide, strategyTraits, type Candidate, type ConsensusOptions } from '@local-swarm/consensus';

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
 * True when the answer that leads now can no longer be overturned by the votes still pending,
 * so generating them is wasted work.
 *
 * Rather than re-deriving the voting rules (groups by canonical form, source weights shared
 * among a source's candidates, the clamp on heavy sources, tie-breaks), it asks `decide()` itself
 * about the worst cases: for each rival group, and for a new group, every pending vote joins
 * that rival with the best score; if the leader still wins each time, the vote is decided.
 * Pending votes joining the rival is the worst case for the leader: a vote that is dropped or
 * goes elsewhere takes nothing from the leader's margin over that rival. A source whose model is
 * not known yet is assumed to carry the heaviest model weight.
 */
export function isVoteDecided(
  received: readonly Candidate[],
  pending: readonly PendingVotes[],
  options: ConsensusOptions,
): boolean {
  // Only a strategy whose outcome a count of votes settles can be decided by a lead.
  if (strategyTraits(options.strategy).earlyStop !== 'decided-lead') return false;
  const pendingTotal = pending.reduce((sum, votes) => sum + votes.count, 0);
  if (pendingTotal === 0 || received.length === 0) return false;
  const now = decide(received, options);
  if (now.winner === null || !now.valid) return false;
  const leader = now.winner.groupKey;

  const rivalTexts: string[] = [];
  for (const group of now.groups) {
    const representative = group.key === leader ? undefined : received[group.memberIndexes[0] ?? -1];
    if (representative !== undefined) rivalTexts.push(representative.text);
  }
  rivalTexts.push(NEW_GROUP_PROBE);

  const heaviestModel = heaviestModelId(options);
  return rivalTexts.every((text) => {
    const hypothetical = pending.flatMap((votes) =>
      Array.from({ length: votes.count }, (_, index): Candidate => ({
        text,
        score: 0,
        source: votes.source,
        sequence: Number.MAX_SAFE_INTEGER - index,
        model: votes.model ?? heaviestModel,
        finishReason: 'stop',
        latencyMs: 0,
      })),
    );
    return decide([...received, ...hypothetical], options).winner?.groupKey === leader;
  });
}

/** The model id with the largest weight (a name no model has when the default 1 is the largest). */
function heaviestModelId(options: ConsensusOptions): string {
  let heaviest = { id: '\u0000unknown model', weight: 1 };
  for (const [id, weight] of Object.entries(options.modelWeights ?? {})) {
    if (weight > heaviest.weight) heaviest = { id, weight };
  }
  return heaviest.id;
}
