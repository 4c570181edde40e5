import type { SemanticGroupingOptions } from '../options/semantic-grouping-options';

function cosine(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length || a.length === 0) return 0;
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (let i = 0; i < a.length; i += 1) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    dot += x * y;
    normA += x * x;
    normB += y * y;
  }
  return normA > 0 && normB > 0 ? dot / Math.sqrt(normA * normB) : 0;
}

/**
 * A cluster number per text, in input order (clusters numbered from 0 by first member). A text
 * joins the first cluster whose every member is at least `threshold` similar to it (complete
 * link: a chain of small steps never merges two different answers); a text without a usable
 * vector (missing, wrong length, not finite) is a cluster of its own. Quadratic in the number of
 * texts: callers pass group representatives, which COST_BOUNDS already caps.
 */
export function clusterByEmbedding(texts: readonly string[], semantic: SemanticGroupingOptions): readonly number[] {
  const clusters: (readonly number[])[][] = [];
  const assignment: number[] = [];
  for (const text of texts) {
    const vector = semantic.vectors.get(text);
    const usable = vector !== undefined && vector.length > 0 && vector.every(Number.isFinite) ? vector : undefined;
    const joined =
      usable === undefined ? -1 : clusters.findIndex((members) => members.length > 0 && members.every((member) => cosine(member, usable) >= semantic.threshold));
    if (joined >= 0 && usable !== undefined) {
      clusters[joined]?.push(usable);
      assignment.push(joined);
    } else {
      clusters.push(usable === undefined ? [] : [usable]);
      assignment.push(clusters.length - 1);
    }
  }
  return assignment;
}
