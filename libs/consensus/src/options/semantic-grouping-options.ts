/**
 * Grouping by meaning: candidates whose texts' embedding vectors have a cosine similarity of at
 * least `threshold` join one group. decide() stays pure and synchronous, so the caller embeds the
 * texts first and hands the vectors in, keyed by the exact candidate text (identical texts share
 * one vector). A text without a vector is never merged by this layer.
 */
export interface SemanticGroupingOptions {
  readonly vectors: ReadonlyMap<string, readonly number[]>;
  /** Cosine similarity in (0, 1] at or above which two texts mean the same. */
  readonly threshold: number;
}
