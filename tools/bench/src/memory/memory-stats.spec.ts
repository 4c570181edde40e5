import { growthPerTokenBytes, summarizeMemory, type MemorySample } from './memory-stats';
import type { ProcMemory } from './proc-memory';

const MIB_IN_KIB = 1024;
const MODEL_BYTES = 94 * 2 ** 20;

/** A reading in MiB: file-backed weights plus anonymous memory. */
function reading(anonymousMiB: number, fileMiB: number): ProcMemory {
  const rssKiB = (anonymousMiB + fileMiB) * MIB_IN_KIB;
  return { vmRssKiB: rssKiB, vmHwmKiB: rssKiB + MIB_IN_KIB, rssKiB, anonymousKiB: anonymousMiB * MIB_IN_KIB, fileBackedKiB: fileMiB * MIB_IN_KIB, pssKiB: rssKiB };
}

/** A node whose instances each add `perInstanceMiB` of anonymous memory. */
function sample(instances: number, perInstanceMiB: number, fileMiB = 150, jitterMiB = 0): MemorySample {
  const anonymous = 150 + perInstanceMiB * instances + jitterMiB;
  return { instances, afterLoad: reading(anonymous, fileMiB), afterRequest: reading(anonymous + 2, fileMiB), completionTokens: 16 * instances };
}

describe('summarizeMemory', () => {
  it('finds a per-instance slope of one KV cache and calls the weights shared', () => {
    const samples = [1, 3, 5, 8].flatMap((n) => [sample(n, 12, 150, -1), sample(n, 12, 150, 1), sample(n, 12, 150, 5)]);
    const summary = summarizeMemory(samples, MODEL_BYTES);
    expect(summary.byInstances.map((row) => [row.instances, row.starts])).toEqual([
      [1, 3],
      [3, 3],
      [5, 3],
      [8, 3],
    ]);
    // Median of the three starts: jitter +1 MiB.
    expect(summary.byInstances[0]?.afterLoad.anonymousBytes).toBe((150 + 12 + 1) * 2 ** 20);
    expect(summary.rssSlopeAfterLoadBytes).toBeCloseTo(12 * 2 ** 20, 3);
    expect(summary.rssSlopeAfterRequestBytes).toBeCloseTo(12 * 2 ** 20, 3);
    expect(summary.anonymousSlopeBytes).toBeCloseTo(12 * 2 ** 20, 3);
    expect(summary.fileBackedSlopeBytes).toBeCloseTo(0, 6);
    expect(summary.slopeShareOfModel).toBeCloseTo(12 / 94, 9);
    expect(summary.weightsLoadedOnce).toBe(true);
    // 2 MiB added by requests of 16 tokens per instance, over the starts with 3, 5 and 8 instances.
    expect(summary.requestGrowthPerTokenBytes).toBe((2 * 2 ** 20) / (16 * 5));
  });
  it('has no growth-per-token figure without a multi-instance start', () => {
    expect(growthPerTokenBytes({ ...sample(1, 12), completionTokens: 0 })).toBeNull();
  });
  it('says so when every instance carries its own copy of the weights', () => {
    const samples = [1, 3, 5].map((n) => sample(n, 100));
    expect(summarizeMemory(samples, MODEL_BYTES).weightsLoadedOnce).toBe(false);
  });
  it('needs two instance counts', () => {
    expect(() => summarizeMemory([sample(1, 12), sample(1, 12)], MODEL_BYTES)).toThrow(RangeError);
  });
});
