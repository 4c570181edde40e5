import { validateCandidate, type Candidate, type ConsensusOptions, type SemanticGroupingOptions } from '@local-swarm/consensus';
import type { EmbeddingService } from '../embedding/embedding-service';
import { SEMANTIC_EMBEDDING_LIMITS } from './semantic-embedding-limits';

/** What computes the vectors: the node's embedding service (the loaded model or `--embedding-model`). */
export type CandidateEmbedder = Pick<EmbeddingService, 'embed'>;

/** Grouping by meaning for a run: who embeds, and the cosine threshold in (0, 1]. */
export interface SemanticGroupingRequest {
  readonly embedder: CandidateEmbedder;
  readonly threshold: number;
}

/** The vectors for decide(), or why the vote goes on without them (a note for the verdict). */
export type SemanticGroupingOutcome =
  | { readonly semantic: SemanticGroupingOptions; readonly note: string | null }
  | { readonly semantic: null; readonly note: string | null };

/**
 * Embeds the distinct texts of the candidates that can vote (those validation drops anyway are
 * skipped), each cut to `maxChars`, at most `maxTexts` of them, waiting at most `timeoutMs` for
 * the embedding model. Never rejects: a failure, refusal or timeout leaves the vote without the
 * layer and says so in the note.
 */
export async function semanticGroupingFor(
  candidates: readonly Candidate[],
  check: Pick<ConsensusOptions, 'json' | 'tools'>,
  request: SemanticGroupingRequest,
  signal: AbortSignal,
): Promise<SemanticGroupingOutcome> {
  const { maxTexts, maxChars, timeoutMs } = SEMANTIC_EMBEDDING_LIMITS;
  const distinct = [...new Set(candidates.filter((candidate) => validateCandidate(candidate, check).valid).map((candidate) => candidate.text))];
  // One distinct text has nothing to merge with: no embedding needed.
  if (distinct.length < 2) return { semantic: null, note: null };
  const texts = distinct.slice(0, maxTexts);
  const capped = distinct.length > maxTexts ? `semantic grouping embedded the first ${maxTexts} of ${distinct.length} distinct answers` : null;
  const failed = (reason: string): SemanticGroupingOutcome => ({ semantic: null, note: `semantic grouping skipped: ${reason}` });
  const timeout = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<'timed_out'>((resolve) => {
    timer = setTimeout(() => {
      timeout.abort();
      resolve('timed_out');
    }, timeoutMs);
  });
  try {
    // Raced as well as signalled: the service checks the signal only between texts.
    const outcome = await Promise.race([
      request.embedder.embed(
        texts.map((text) => text.slice(0, maxChars)),
        { signal: AbortSignal.any([signal, timeout.signal]) },
      ),
      timedOut,
    ]);
    if (outcome === 'timed_out' || timeout.signal.aborted) return failed(`the embedding model did not answer within ${timeoutMs} ms`);
    if (!outcome.ok) return failed('refusal' in outcome ? outcome.refusal.message : outcome.failure.message);
    const vectors = new Map<string, readonly number[]>();
    texts.forEach((text, index) => {
      const vector = outcome.vectors[index];
      if (vector !== undefined) vectors.set(text, vector);
    });
    return { semantic: { vectors, threshold: request.threshold }, note: capped };
  } catch (error) {
    return failed(error instanceof Error ? error.message : String(error));
  } finally {
    clearTimeout(timer);
  }
}
