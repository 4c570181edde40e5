/** Guards the log of a probability the sampler may report as 0 after filtering. */
const MIN_PROBABILITY = 1e-12;

/**
 * Natural log of a sampled token's probability, as both a candidate's `score` (their mean) and
 * its per-token logprobs use it, so the two always agree.
 */
export function tokenLogProb(probability: number): number {
  return Math.log(Math.max(probability, MIN_PROBABILITY));
}
