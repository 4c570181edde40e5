import { perplexityOf } from './perplexity-of';
import type { TokenScorer } from './token-scorer';

/** A model that gives each token a fixed probability, whatever its context. */
function fixedScorer(probabilityOf: (token: number) => number, calls: number[][] = []): TokenScorer {
  return {
    logProbabilities: (tokens, scoreFrom) => {
      calls.push([...tokens]);
      return Promise.resolve(tokens.slice(scoreFrom).map((token) => Math.log(probabilityOf(token))));
    },
  };
}

describe('perplexityOf', () => {
  it('is the vocabulary size for a uniform model', async () => {
    const result = await perplexityOf([1, 2, 3, 4, 5, 6, 7], fixedScorer(() => 1 / 50), { windowSize: 4, stride: 2 });
    expect(result.perplexity).toBeCloseTo(50, 10);
    expect(result.scoredTokens).toBe(6);
  });

  it('is exp of the mean negative log-likelihood over the scored tokens', async () => {
    // Tokens 2..4 are scored with p = 1/2, 1/4, 1/8: mean NLL = ln 2 · (1 + 2 + 3) / 3 = 2 ln 2.
    const result = await perplexityOf([1, 2, 4, 8], fixedScorer((token) => 1 / token), { windowSize: 8, stride: 4 });
    expect(result.meanNegativeLogLikelihood).toBeCloseTo(2 * Math.LN2, 12);
    expect(result.perplexity).toBeCloseTo(4, 12);
  });

  it('hands each window its own tokens and scores the overlap once', async () => {
    const calls: number[][] = [];
    const result = await perplexityOf([10, 11, 12, 13, 14, 15], fixedScorer(() => 0.5, calls), { windowSize: 4, stride: 2 });
    expect(calls).toEqual([
      [10, 11, 12, 13],
      [12, 13, 14, 15],
    ]);
    expect(result.windows).toBe(2);
    expect(result.scoredTokens).toBe(5);
    expect(result.perplexity).toBeCloseTo(2, 12);
  });

  it('refuses a scorer that returns the wrong count or an impossible probability', async () => {
    const short: TokenScorer = { logProbabilities: () => Promise.resolve([]) };
    await expect(perplexityOf([1, 2, 3], short, { windowSize: 4, stride: 2 })).rejects.toThrow(/returned 0 log-probabilities for 2/);
    await expect(perplexityOf([1, 2, 3], fixedScorer(() => 2), { windowSize: 4, stride: 2 })).rejects.toThrow(/<= 0/);
  });

  it('needs two tokens', async () => {
    await expect(perplexityOf([1], fixedScorer(() => 0.5), { windowSize: 4, stride: 2 })).rejects.toThrow(/at least 2 tokens/);
  });
});
