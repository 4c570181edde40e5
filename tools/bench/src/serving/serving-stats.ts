import { median } from '@local-swarm/bench-kit';

/** One timed generation: completion tokens and the wall time the caller saw. */
export interface TimedRun {
  readonly completionTokens: number;
  readonly wallMs: number;
}

/** One HTTP request and one in-process generation of the same prompt and settings, back to back. */
export interface ServingPair {
  readonly http: TimedRun;
  readonly inProcess: TimedRun;
  /** Whether both produced the same text (same seed and sampler: they should). */
  readonly sameText: boolean;
}

export interface ServingSummary {
  readonly pairs: number;
  /** Medians over the pairs of each side's tokens/s. */
  readonly httpTokensPerSecond: number;
  readonly inProcessTokensPerSecond: number;
  /** The headline figure: median HTTP tokens/s over median in-process tokens/s (target >= 0.95). */
  readonly ratio: number;
  /** Median of each pair's own ratio: the same figure, less sensitive to drift during the run. */
  readonly pairedRatio: number;
  /** Median per-request time the node adds, in ms (see {@link requestOverheadMs}). */
  readonly overheadMs: number;
  readonly httpWallMs: number;
  readonly inProcessWallMs: number;
  readonly sameTextPairs: number;
}

/** Completion tokens per second of wall time. */
export function tokensPerSecond(run: TimedRun): number {
  if (run.wallMs <= 0) throw new RangeError(`wall time must be positive, got ${run.wallMs} ms`);
  return run.completionTokens / (run.wallMs / 1000);
}

/**
 * Time the node added to one request: its wall time minus what in-process generation took for
 * the same number of tokens (scaled linearly when a side stopped early, which the benchmark
 * reports; with equal counts it is the plain difference).
 */
export function requestOverheadMs(pair: ServingPair): number {
  const { http, inProcess } = pair;
  const scale = inProcess.completionTokens > 0 ? http.completionTokens / inProcess.completionTokens : 1;
  return http.wallMs - inProcess.wallMs * scale;
}

export function summarizeServing(pairs: readonly ServingPair[]): ServingSummary {
  if (pairs.length === 0) throw new RangeError('no measured pairs');
  const httpTokensPerSecond = median(pairs.map((pair) => tokensPerSecond(pair.http)));
  const inProcessTokensPerSecond = median(pairs.map((pair) => tokensPerSecond(pair.inProcess)));
  return {
    pairs: pairs.length,
    httpTokensPerSecond,
    inProcessTokensPerSecond,
    ratio: httpTokensPerSecond / inProcessTokensPerSecond,
    pairedRatio: median(pairs.map((pair) => tokensPerSecond(pair.http) / tokensPerSecond(pair.inProcess))),
    overheadMs: median(pairs.map(requestOverheadMs)),
    httpWallMs: median(pairs.map((pair) => pair.http.wallMs)),
    inProcessWallMs: median(pairs.map((pair) => pair.inProcess.wallMs)),
    sameTextPairs: pairs.filter((pair) => pair.sameText).length,
  };
}
