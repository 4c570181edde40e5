import { sampleSpread, type SampleSpread } from '../lan/sample-spread';
import type { LatencyCase, LatencySample } from './federation-samples';

/** How much slower one set of latency samples is than another. */
export interface LatencyComparison {
  readonly slow: SampleSpread;
  readonly fast: SampleSpread;
  /** Difference of the medians. */
  readonly addedMs: number;
  readonly ratio: number;
  /** Median of the differences between samples of the same round. */
  readonly pairedAddedMs: number;
}

const measured = (samples: readonly LatencySample[]): LatencySample[] => samples.filter((sample) => sample.valid && sample.repetition >= 0);

/** Compares valid measured samples (warm-up and failed ones left out), pairing them by round. */
export function compareLatency(slower: readonly LatencySample[], faster: readonly LatencySample[]): LatencyComparison {
  const slowSamples = measured(slower);
  const fastSamples = measured(faster);
  const slow = sampleSpread(slowSamples.map((sample) => sample.ms));
  const fast = sampleSpread(fastSamples.map((sample) => sample.ms));
  const paired = slowSamples.flatMap((sample) => {
    const partner = fastSamples.find((candidate) => candidate.repetition === sample.repetition);
    return partner === undefined ? [] : [sample.ms - partner.ms];
  });
  return { slow, fast, addedMs: slow.median - fast.median, ratio: slow.median / fast.median, pairedAddedMs: sampleSpread(paired).median };
}

/** Added latency of the case `slower` over `faster` within one run's samples. */
export function addedLatency(samples: readonly LatencySample[], slower: LatencyCase, faster: LatencyCase): LatencyComparison {
  const of = (latencyCase: LatencyCase): LatencySample[] => samples.filter((sample) => sample.latencyCase === latencyCase);
  return compareLatency(of(slower), of(faster));
}
