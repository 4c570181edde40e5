import type { Candidate } from '../candidate/candidate';
import { candidateForm } from '../canonical/candidate-form';
import { groupKeyOf } from '../canonical/canonical-form';
import { ConsensusError } from '../errors/consensus-error';
import type { GroupingLayer } from '../grouping/grouping-layer';
import { compareStable } from '../ordering/compare-stable';
import type { ConsensusOptions } from '../options/consensus-options';
import type { DropReason } from '../validation/drop-reason';
import { validateCandidate } from '../validation/validate-candidate';

/** A candidate with everything strategies need computed once: its place, its group, its fate. */
export interface ScreenedCandidate {
  /** Position in the input array. */
  readonly index: number;
  readonly candidate: Candidate;
  /** Position in the stable order (source, then sequence): the final tie-break everywhere. */
  readonly rank: number;
  /** `kind:key` of the canonical form. */
  readonly groupKey: string;
  /**
   * Key of the group it votes in: its own groupKey, unless a later grouping layer merged its
   * canonical group into another (see regroupVoting); then the key that group keeps.
   */
  readonly voteKey: string;
  /** The layer that built the group it votes in. */
  readonly layer: GroupingLayer;
  /** Why it may not vote, or null when it may. */
  readonly dropReason: DropReason | null;
}

const FINISH_REASONS: ReadonlySet<string> = new Set(['stop', 'length', 'cancelled', 'error']);

function isToolCallList(value: unknown): boolean {
  return (
    Array.isArray(value) &&
    value.every(
      (call: unknown) =>
        typeof call === 'object' &&
        call !== null &&
        typeof (call as { name?: unknown }).name === 'string' &&
        typeof (call as { arguments?: unknown }).arguments === 'string',
    )
  );
}

/** Candidates come from our own app, so a malformed one is a programmer error: fail loudly. */
function assertCandidate(candidate: Candidate, index: number): void {
  const problem =
    typeof candidate.text !== 'string'
      ? 'text is not a string'
      : typeof candidate.source !== 'string'
        ? 'source is not a string'
        : typeof candidate.model !== 'string'
          ? 'model is not a string'
          : candidate.modelHash !== undefined && typeof candidate.modelHash !== 'string'
            ? 'modelHash is neither undefined nor a string'
            : !Number.isInteger(candidate.sequence)
              ? 'sequence is not an integer'
              : !Number.isFinite(candidate.latencyMs)
                ? 'latencyMs is not a finite number'
                : candidate.score !== null && !Number.isFinite(candidate.score)
                  ? 'score is neither null nor a finite number'
                  : !FINISH_REASONS.has(candidate.finishReason)
                    ? `unknown finishReason ${JSON.stringify(candidate.finishReason)}`
                    : candidate.toolCalls !== undefined && !isToolCallList(candidate.toolCalls)
                      ? 'toolCalls is not a list of { name, arguments } strings'
                      : null;
  if (problem !== null) throw new ConsensusError('CONSENSUS_ERR_INVALID_CANDIDATE', `candidates[${index}]: ${problem}`);
}

/** Validates and canonicalises every candidate; returns them in the stable order. */
export function screenCandidates(
  candidates: readonly Candidate[],
  options: Pick<ConsensusOptions, 'json' | 'tools'>,
): ScreenedCandidate[] {
  candidates.forEach(assertCandidate);
  const ordered = candidates.map((candidate, index) => ({ candidate, index }));
  // Input index only separates exact duplicates, which are interchangeable.
  ordered.sort((a, b) => compareStable(a.candidate, b.candidate) || a.index - b.index);
  return ordered.map(({ candidate, index }, rank) => {
    const validation = validateCandidate(candidate, options);
    const groupKey = groupKeyOf(candidateForm(candidate));
    return {
      index,
      candidate,
      rank,
      groupKey,
      voteKey: groupKey,
      layer: 'canonical',
      dropReason: validation.valid ? null : validation.reason,
    };
  });
}
