/** Where next-token log-probabilities come from: a model in production, a fixed table in tests. */
export interface TokenScorer {
  /**
   * For each position i in [scoreFrom, tokens.length): ln p(tokens[i] | tokens[0..i)), the model's
   * full next-token distribution with no sampling filter (no temperature, top-k or top-p), the
   * window evaluated from an empty state.
   */
  logProbabilities(tokens: readonly number[], scoreFrom: number): Promise<number[]>;
}
