import type { ConsensusRun } from '@local-swarm/swarm-core';
import { candidateToWire, type CandidateWire } from '../../http/candidate-to-wire';
import { buildConsensusUsage, type ConsensusUsage } from './consensus-usage';
import { judgeMetadataOf, type JudgeMetadata } from './judge-metadata';

/** A candidate in the metadata: its wire shape, where it stands in the run, its group and why it was dropped. */
export interface ConsensusCandidate extends CandidateWire {
  readonly index: number;
  readonly group: string | null;
  readonly dropped: string | null;
}

/** Snake_case consensus metadata every completion carries, so a client can see why an answer won. */
export interface ConsensusMetadata {
  readonly strategy: string;
  readonly requested_strategy: string;
  readonly agreement: number;
  readonly low_confidence: boolean;
  /** Candidates asked for across all sources; `agreement` is the winner's share of all of them. */
  readonly asked_for: number;
  /** Candidates that voted; `asked_for - valid_count - Σ drop_reasons` never arrived. */
  readonly valid_count: number;
  /** How many candidates were dropped for each reason (`truncated`, `empty`, `cancelled`, …). */
  readonly drop_reasons: Readonly<Record<string, number>>;
  /** Entropy (natural log) of the weight over the groups plus a no-answer bucket: 0 when all agree. */
  readonly entropy: number;
  readonly valid: boolean;
  /** True when temperature was 0: every candidate is the same greedy answer, so agreement says nothing. */
  readonly trivial_agreement: boolean;
  readonly cancelled_early: boolean;
  /** Why candidates were stopped early: first_valid found one, or the vote was decided; null if none were. */
  readonly early_stop: 'first_valid' | 'vote_decided' | null;
  readonly winner: { readonly source: string; readonly index: number; readonly sequence: number } | null;
  readonly candidates: readonly ConsensusCandidate[];
  /** `layer`: what grouped the members (canonical, short_answer, semantic; medoid when nothing did). */
  readonly groups: readonly { readonly key: string; readonly layer: string; readonly members: readonly number[]; readonly weight: number }[];
  readonly sources: readonly { readonly id: string; readonly ok: boolean; readonly candidates: number; readonly error: string | null }[];
  readonly notes: readonly string[];
  /** Tokens of every candidate from every source, where the response's `usage` counts only the returned choices. */
  readonly usage: ConsensusUsage;
  /** judge / judge_merge: what the judge did; absent when no judge was asked. */
  readonly judge?: JudgeMetadata;
  /** Present when the node abstained: agreement was below the request's `min_agreement`. */
  readonly abstained?: true;
  /** Why it abstained (chat answers carry it as `message.refusal`; text completions only here). */
  readonly abstained_reason?: string;
}

export function buildConsensusMetadata(run: ConsensusRun, trivialAgreement: boolean): ConsensusMetadata {
  const { verdict } = run;
  const groupOf = new Map<number, string>();
  for (const group of verdict.groups) for (const member of group.memberIndexes) groupOf.set(member, group.key);
  const droppedOf = new Map(verdict.dropped.map((entry) => [entry.index, entry.reason] as const));
  return {
    strategy: verdict.strategy,
    requested_strategy: verdict.requestedStrategy,
    agreement: round(verdict.agreement),
    low_confidence: verdict.lowConfidence,
    asked_for: verdict.askedFor,
    valid_count: verdict.validCount,
    drop_reasons: { ...verdict.dropReasons },
    entropy: round(verdict.entropy),
    valid: verdict.valid,
    trivial_agreement: trivialAgreement,
    cancelled_early: run.cancelledEarly,
    early_stop: run.earlyStop,
    winner:
      verdict.winner === null
        ? null
        : { source: verdict.winner.candidate.source, index: verdict.winner.index, sequence: verdict.winner.candidate.sequence },
    candidates: run.candidates.map((candidate, index) => ({
      index,
      ...candidateToWire(candidate),
      // Rounded here only: the live `candidate` events carry the score as generated.
      score: candidate.score === null ? null : round(candidate.score),
      group: groupOf.get(index) ?? null,
      dropped: droppedOf.get(index) ?? null,
    })),
    groups: verdict.groups.map((group) => ({ key: group.key, layer: group.layer, members: group.memberIndexes, weight: round(group.weight) })),
    sources: run.sources.map((source) => ({
      id: source.id,
      ok: source.ok,
      candidates: source.candidates,
      error: source.failure?.message ?? null,
    })),
    notes: trivialAgreement
      ? [...verdict.notes, 'temperature 0: all candidates are the same greedy answer, so agreement is trivial']
      : verdict.notes,
    usage: buildConsensusUsage(run),
    ...(verdict.judge ? { judge: judgeMetadataOf(verdict.judge) } : {}),
  };
}

function round(value: number): number {
  return Math.round(value * 1e4) / 1e4;
}
