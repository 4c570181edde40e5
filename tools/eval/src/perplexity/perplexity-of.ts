import { perplexityWindows } from './perplexity-windows';
import type { TokenScorer } from './token-scorer';

export interface PerplexitySettings {
  /** Tokens per evaluation (at most the context size). */
  readonly windowSize: number;
  /** Tokens between the starts of consecutive windows. */
  readonly stride: number;
}

export interface Perplexity {
  /** exp(mean negative log-likelihood). */
  readonly perplexity: number;
  readonly meanNegativeLogLikelihood: number;
  readonly scoredTokens: number;
  readonly windows: number;
}

/**
 * Teacher-forced perplexity of a token sequence: exp of the mean of −ln p(token | the tokens before
 * it in its window), every token after the first scored once (see perplexityWindows).
 */
export async function perplexityOf(tokens: readonly number[], scorer: TokenScorer, settings: PerplexitySettings): Promise<Perplexity> {
  if (tokens.length < 2) throw new RangeError(`perplexity needs at least 2 tokens, got ${tokens.length}`);
  const windows = perplexityWindows(tokens.length, settings.windowSize, settings.stride);
  let negativeLogLikelihood = 0;
  let scoredTokens = 0;
  for (const window of windows) {
    const expected = window.end - window.scoreFrom;
    const logProbabilities = await scorer.logProbabilities(tokens.slice(window.start, window.end), window.scoreFrom - window.start);
    if (logProbabilities.length !== expected) throw new Error(`the scorer returned ${logProbabilities.length} log-probabilities for ${expected} tokens`);
    for (const logProbability of logProbabilities) {
      if (!(logProbability <= 0)) throw new RangeError(`a log-probability must be <= 0, got ${logProbability}`);
      negativeLogLikelihood -= logProbability;
    }
    scoredTokens += expected;
  }
  const meanNegativeLogLikelihood = negativeLogLikelihood / scoredTokens;
  return { perplexity: Math.exp(meanNegativeLogLikelihood), meanNegativeLogLikelihood, scoredTokens, windows: windows.length };
}
