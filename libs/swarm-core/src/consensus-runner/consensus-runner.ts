import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import {
  strategyTraits,
  validateCandidate,
  type Candidate,
  type ConsensusOptions,
  type StrategyName,
  type Verdict,
} from '@local-swarm/consensus';
import { SwarmErrorCode, type SwarmFailure } from '../errors/swarm-errors';
import type { GenerationRequest, GenerationUsage } from '../generation/generation-request';
import { decideWithJudge } from '../judge/decide-with-judge';
import type { JudgeModel } from '../judge/judge-model';
import type { CandidateSource } from '../sources/candidate-source';
import { askedForOf } from './asked-for-of';
import { consensusCheckOf, mayVote } from './consensus-options-for';
import { semanticGroupingFor, type SemanticGroupingRequest } from './semantic-grouping-for';
import { isVoteDecided, type PendingVotes } from './vote-decided';

export interface ConsensusRunOptions {
  readonly strategy: StrategyName;
  /** Weight per source id for `weighted_vote` (default 1 each). */
  readonly sourceWeights?: Readonly<Record<string, number>>;
  /** Weight per model id for `weighted_vote`, multiplied into the source's (default 1 each). */
  readonly modelWeights?: Readonly<Record<string, number>>;
  /** Aborts every source: the client went away. */
  readonly signal: AbortSignal;
  /** Called as each candidate completes, from any source (streaming, dashboards). */
  readonly onCandidate?: (candidate: Candidate) => void;
  /**
   * majority / weighted_vote: stop the candidates still generating once the leading answer can
   * no longer be overturned (default true). Off, every candidate runs to its end.
   */
  readonly earlyExit?: boolean;
  /** judge / judge_merge: the model that judges the candidates; undefined, they fall back to majority. */
  readonly judge?: JudgeModel;
  /**
   * Grouping by meaning: the candidates' texts are embedded before the vote and texts closer than
   * the threshold may join one group. Absent: off. Skipped for first_valid, which groups nothing.
   */
  readonly semantic?: SemanticGroupingRequest;
}

/** Why a run stopped some of its candidates before they finished. */
export type EarlyStop =
  /** first_valid: a valid candidate arrived. */
  | 'first_valid'
  /** majority / weighted_vote: the votes still pending could not change the winner. */
  | 'vote_decided';

/** How one source fared in a run. */
export interface SourceReport {
  readonly id: string;
  readonly ok: boolean;
  readonly candidates: number;
  /** What this source spent (prompt and completion tokens), when it answered. */
  readonly usage?: GenerationUsage;
  readonly failure?: SwarmFailure;
}

export interface ConsensusRun {
  /** Every candidate collected, in the order the verdict's indexes refer to. */
  readonly candidates: readonly Candidate[];
  readonly verdict: Verdict;
  readonly usage: GenerationUsage;
  readonly sources: readonly SourceReport[];
  /** True when the run stopped the other candidates early (see earlyStop). */
  readonly cancelledEarly: boolean;
  /** Why it stopped them; null when every candidate ran to its end (or the client left). */
  readonly earlyStop: EarlyStop | null;
}

export type ConsensusRunOutcome =
  | { readonly ok: true; readonly run: ConsensusRun }
  /** No source produced a candidate: the first source's failure (the local swarm's, by convention). */
  | { readonly ok: false; readonly failure: SwarmFailure; readonly sources: readonly SourceReport[] };

/**
 * Asks every source for candidates in parallel and lets the strategy pick one answer.
 *
 * With `first_valid`, the first candidate that passes the validators stops all others: their
 * sequences are freed at once instead of finishing answers nobody will read. With `majority` and
 * `weighted_vote` the same happens once the leading answer can't be overturned by the candidates
 * still pending (see isVoteDecided); sources that can't say how many candidates they will send
 * (peers) are waited for before a vote counts as decided.
 */
export async function runConsensus(
  request: GenerationRequest,
  sources: readonly CandidateSource[],
  options: ConsensusRunOptions,
): Promise<ConsensusRunOutcome> {
  if (sources.length === 0) throw new RangeError('runConsensus needs at least one candidate source');
  const startedAt = Date.now();
  const stopAll = new AbortController();
  const forwardAbort = (): void => stopAll.abort();
  options.signal.addEventListener('abort', forwardAbort, { once: true });
  if (options.signal.aborted) stopAll.abort();

  const check = consensusCheckOf(request);
  const consensusOptions: ConsensusOptions = {
    strategy: options.strategy,
    ...(options.sourceWeights ? { sourceWeights: options.sourceWeights } : {}),
    ...(options.modelWeights ? { modelWeights: options.modelWeights } : {}),
    ...check,
  };
  const earlyStopRule = strategyTraits(options.strategy).earlyStop;
  let earlyStop: EarlyStop | null = null;
  const stopEarly = (reason: EarlyStop): void => {
    earlyStop = reason;
    stopAll.abort();
  };

  // What each source has sent and may still send, for deciding a vote before everyone is done.
  const received: Candidate[] = [];
  const progress = sources.map((source) => ({
    source,
    arrived: 0,
    model: undefined as string | undefined,
    done: false,
    expected: source.expectedCandidates?.(request) ?? null,
  }));
  const checkVoteDecided = (): void => {
    if (options.earlyExit === false || stopAll.signal.aborted) return;
    const pending: PendingVotes[] = [];
    for (const entry of progress) {
      if (entry.done) continue;
      // A source that can't say how many candidates it sends could still outvote anyone.
      if (entry.expected === null) return;
      const count = Math.max(0, entry.expected - entry.arrived);
      if (count > 0) pending.push({ source: entry.source.id, model: entry.model, count });
    }
    if (isVoteDecided(received, pending, consensusOptions)) stopEarly('vote_decided');
  };
  const onCandidateFrom = (index: number) => (candidate: Candidate): void => {
    options.onCandidate?.(candidate);
    const votes = mayVote(request, candidate);
    if (votes) received.push(candidate);
    const entry = progress[index];
    if (entry !== undefined) {
      entry.arrived += 1;
      entry.model ??= candidate.model;
    }
    if (stopAll.signal.aborted) return;
    if (earlyStopRule === 'first-valid') {
      if (votes && validateCandidate(candidate, check).valid) stopEarly('first_valid');
      return;
    }
    checkVoteDecided();
  };

  try {
    const outcomes = await Promise.all(
      sources.map(async (source, index) => {
        const outcome = await source.generate(request, {
          signal: stopAll.signal,
          onCandidate: onCandidateFrom(index),
          elapsedMs: () => Date.now() - startedAt,
        });
        const entry = progress[index];
        if (entry !== undefined) entry.done = true;
        // A peer that answered (or failed) no longer counts as pending: maybe the vote is settled now.
        if (earlyStopRule !== 'first-valid') checkVoteDecided();
        return outcome;
      }),
    );
    const reports: SourceReport[] = outcomes.map((outcome, index) => ({
      id: sources[index]?.id ?? `source-${index}`,
      ok: outcome.ok,
      candidates: outcome.ok ? outcome.candidates.length : 0,
      ...(outcome.ok ? { usage: outcome.usage } : { failure: outcome.failure }),
    }));
    const answered = outcomes.flatMap((outcome) => (outcome.ok ? outcome.candidates : []));
    const voters = answered.filter((candidate) => mayVote(request, candidate));
    // Text answers to a request that requires a call are left out, unless nobody called at all.
    const candidates = voters.length > 0 ? voters : answered;
    const leftOut = answered.length - voters.length;
    const firstOutcome = outcomes[0];
    if (candidates.length === 0 || firstOutcome === undefined) {
      const failure = outcomes.find((outcome) => !outcome.ok);
      return {
        ok: false,
        failure: failure !== undefined && !failure.ok ? failure.failure : { code: SwarmErrorCode.EngineFailed, message: 'no source produced a candidate' },
        sources: reports,
      };
    }
    const succeeded = outcomes.flatMap((outcome) => (outcome.ok ? [outcome.usage] : []));
    // decide() on many long candidates is the longest synchronous step of a request (tens of ms,
    // bounded by design); run it in a turn of its own, not in the one that parsed the last reply
    // nor the one that writes the answer, so health checks and other clients are served between.
    const semantic =
      options.semantic !== undefined && earlyStopRule !== 'first-valid' ? await semanticGroupingFor(candidates, check, options.semantic, options.signal) : null;
    await yieldToEventLoop();
    const finalOptions = { ...consensusOptions, askedFor: askedForOf(progress.map((entry) => entry.expected), outcomes) };
    const judged = await decideWithJudge(candidates, semantic?.semantic ? { ...finalOptions, semantic: semantic.semantic } : finalOptions, {
      request,
      judge: options.judge,
      signal: options.signal,
    });
    const decided = judged.verdict;
    const extraNotes = [...(semantic?.note ? [semantic.note] : []), ...(leftOut === 0 ? [] : [leftOutNote(leftOut, voters.length)])];
    const verdict = extraNotes.length === 0 ? decided : { ...decided, notes: [...decided.notes, ...extraNotes] };
    await yieldToEventLoop();
    return {
      ok: true,
      run: {
        candidates: judged.candidates,
        verdict,
        usage: {
          promptTokens: succeeded[0]?.promptTokens ?? 0,
          completionTokens: succeeded.reduce((sum, usage) => sum + usage.completionTokens, judged.judgeTokens),
        },
        sources: reports,
        cancelledEarly: earlyStop !== null,
        earlyStop,
      },
    };
  } finally {
    options.signal.removeEventListener('abort', forwardAbort);
  }
}

function leftOutNote(leftOut: number, voters: number): string {
  return voters > 0
    ? `${leftOut} candidate(s) answered in text though the request requires a tool call: left out of the vote`
    : `no candidate called a tool though the request requires a call: the text answers were judged instead`;
}
