import {
  decide,
  validateCandidate,
  type Candidate,
  type ConsensusOptions,
  type StrategyName,
  type Verdict,
} from '@local-swarm/consensus';
import { SwarmErrorCode, type SwarmFailure } from '../errors/swarm-errors';
import type { GenerationRequest, GenerationUsage } from '../generation/generation-request';
import type { CandidateSource } from '../sources/candidate-source';

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
}

/** How one source fared in a run. */
export interface SourceReport {
  readonly id: string;
  readonly ok: boolean;
  readonly candidates: number;
  readonly failure?: SwarmFailure;
}

export interface ConsensusRun {
  /** Every candidate collected, in the order the verdict's indexes refer to. */
  readonly candidates: readonly Candidate[];
  readonly verdict: Verdict;
  readonly usage: GenerationUsage;
  readonly sources: readonly SourceReport[];
  /** True when first_valid stopped the other candidates early. */
  readonly cancelledEarly: boolean;
}

export type ConsensusRunOutcome =
  | { readonly ok: true; readonly run: ConsensusRun }
  /** No source produced a candidate: the first source's failure (the local swarm's, by convention). */
  | { readonly ok: false; readonly failure: SwarmFailure; readonly sources: readonly SourceReport[] };

/**
 * Asks every source for candidates in parallel and lets the strategy pick one answer.
 *
 * With `first_valid`, the first candidate that passes the validators stops all others: their
 * sequences are freed at once instead of finishing answers nobody will read.
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

  const json: ConsensusOptions['json'] = request.json === true ? {} : undefined;
  let cancelledEarly = false;
  const onCandidate = (candidate: Candidate): void => {
    options.onCandidate?.(candidate);
    if (options.strategy === 'first_valid' && !stopAll.signal.aborted && validateCandidate(candidate, { json }).valid) {
      cancelledEarly = true;
      stopAll.abort();
    }
  };

  try {
    const outcomes = await Promise.all(
      sources.map((source) =>
        source.generate(request, { signal: stopAll.signal, onCandidate, elapsedMs: () => Date.now() - startedAt }),
      ),
    );
    const reports: SourceReport[] = outcomes.map((outcome, index) => ({
      id: sources[index]?.id ?? `source-${index}`,
      ok: outcome.ok,
      candidates: outcome.ok ? outcome.candidates.length : 0,
      ...(outcome.ok ? {} : { failure: outcome.failure }),
    }));
    const candidates = outcomes.flatMap((outcome) => (outcome.ok ? outcome.candidates : []));
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
    const verdict = decide(candidates, {
      strategy: options.strategy,
      ...(options.sourceWeights ? { sourceWeights: options.sourceWeights } : {}),
      ...(options.modelWeights ? { modelWeights: options.modelWeights } : {}),
      ...(json ? { json } : {}),
    });
    return {
      ok: true,
      run: {
        candidates,
        verdict,
        usage: {
          promptTokens: succeeded[0]?.promptTokens ?? 0,
          completionTokens: succeeded.reduce((sum, usage) => sum + usage.completionTokens, 0),
        },
        sources: reports,
        cancelledEarly,
      },
    };
  } finally {
    options.signal.removeEventListener('abort', forwardAbort);
  }
}
