import type { Candidate } from '@local-swarm/consensus';

/** How much slower than this node a peer may answer before its claims of free capacity are not believed. */
export const PACE_CONTRADICTION_FACTOR = 3;

/** Weight of the newest measurement in the moving average. */
const SMOOTHING = 0.3;

/**
 * Measured milliseconds per generated token of each source (a moving average over its candidates).
 * Balance mode trusts a peer's reported load only as far as its measured pace agrees: a peer that
 * claims to be idle but answers far slower than this node gets no preference.
 */
export class VotePace {
  readonly #msPerToken = new Map<string, number>();

  record(candidate: Candidate): void {
    const tokens = candidate.completionTokens;
    if (tokens === undefined || tokens < 1 || !Number.isFinite(candidate.latencyMs) || candidate.latencyMs < 0) return;
    const measured = candidate.latencyMs / tokens;
    const known = this.#msPerToken.get(candidate.source);
    this.#msPerToken.set(candidate.source, known === undefined ? measured : known + SMOOTHING * (measured - known));
  }

  /** Whether `sourceId` has been measured more than PACE_CONTRADICTION_FACTOR times slower than `referenceId`; false while either is unmeasured. */
  contradicts(sourceId: string, referenceId: string): boolean {
    const pace = this.#msPerToken.get(sourceId);
    const reference = this.#msPerToken.get(referenceId);
    if (pace === undefined || reference === undefined) return false;
    return pace > PACE_CONTRADICTION_FACTOR * Math.max(reference, 1e-3);
  }
}
