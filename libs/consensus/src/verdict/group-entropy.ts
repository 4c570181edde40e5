/**
 * Shannon entropy (natural log) of how the asked-for weight spreads over the answer groups plus
 * one "no answer" bucket (dropped and missing candidates together): 0 when every candidate gave
 * the same answer (or none answered at all, which agreement 0 tells apart), ln 2 for two equal
 * groups, at most ln(groups + 1). A cheap confidence signal in the spirit of semantic entropy:
 * the more the weight is spread, the less the answer can be trusted.
 */
export function groupEntropy(groupWeights: readonly number[], noAnswerWeight: number): number {
  const buckets = [...groupWeights, noAnswerWeight].filter((weight) => weight > 0 && Number.isFinite(weight));
  const total = buckets.reduce((sum, weight) => sum + weight, 0);
  if (total <= 0) return 0;
  const entropy = buckets.reduce((sum, weight) => {
    const share = weight / total;
    return sum - share * Math.log(share);
  }, 0);
  // Rounding can leave -1e-17 for a single bucket; entropy is never negative.
  return Math.max(0, entropy);
}
