import { median } from '@local-swarm/bench-kit';
import { fitLine } from './linear-fit';
import type { ProcMemory } from './proc-memory';

/** One node start: its memory once loaded and again after one request that used every instance. */
export interface MemorySample {
  readonly instances: number;
  readonly afterLoad: ProcMemory;
  readonly afterRequest: ProcMemory;
  /** Tokens the request generated over all its candidates (usage.completion_tokens). */
  readonly completionTokens: number;
}

/** Medians over the starts with one instance count, in bytes. */
export interface MemoryPoint {
  readonly rssBytes: number;
  readonly anonymousBytes: number;
  readonly fileBackedBytes: number;
  /** Peak RSS (VmHWM): load and compute buffers may rise above the resting RSS. */
  readonly peakBytes: number;
}

export interface InstanceMemory {
  readonly instances: number;
  readonly starts: number;
  readonly afterLoad: MemoryPoint;
  readonly afterRequest: MemoryPoint;
}

export interface MemorySummary {
  /** By instance count, ascending. */
  readonly byInstances: readonly InstanceMemory[];
  /** Least-squares RSS growth per extra instance, in bytes. */
  readonly rssSlopeAfterLoadBytes: number;
  readonly rssSlopeAfterRequestBytes: number;
  /** The same for anonymous and file-backed memory after the request. */
  readonly anonymousSlopeBytes: number;
  readonly fileBackedSlopeBytes: number;
  /** The larger RSS slope / model file size: near 1 if every instance loaded its own weights. */
  readonly slopeShareOfModel: number;
  /** The slope is under half the model's size: one copy of the weights, shared. */
  readonly weightsLoadedOnce: boolean;
  /**
   * Median RSS the request added per generated token, in bytes, over the starts with more than
   * one instance (the lock-step path); null when there are none.
   */
  readonly requestGrowthPerTokenBytes: number | null;
}

/** Slope under this share of the model's size means the weights are not copied per instance. */
export const LOADED_ONCE_MAX_SHARE = 0.5;

const KIB = 1024;

export function summarizeMemory(samples: readonly MemorySample[], modelBytes: number): MemorySummary {
  const counts = [...new Set(samples.map((sample) => sample.instances))].sort((a, b) => a - b);
  if (counts.length < 2) throw new RangeError('memory per instance needs at least two instance counts');
  const byInstances = counts.map((instances): InstanceMemory => {
    const starts = samples.filter((sample) => sample.instances === instances);
    return {
      instances,
      starts: starts.length,
      afterLoad: medianPoint(starts.map((sample) => sample.afterLoad)),
      afterRequest: medianPoint(starts.map((sample) => sample.afterRequest)),
    };
  });
  const slope = (pick: (row: InstanceMemory) => number): number => fitLine(byInstances.map((row) => ({ x: row.instances, y: pick(row) }))).slope;
  const rssSlopeAfterLoadBytes = slope((row) => row.afterLoad.rssBytes);
  const rssSlopeAfterRequestBytes = slope((row) => row.afterRequest.rssBytes);
  const slopeShareOfModel = Math.max(rssSlopeAfterLoadBytes, rssSlopeAfterRequestBytes) / modelBytes;
  return {
    byInstances,
    rssSlopeAfterLoadBytes,
    rssSlopeAfterRequestBytes,
    anonymousSlopeBytes: slope((row) => row.afterRequest.anonymousBytes),
    fileBackedSlopeBytes: slope((row) => row.afterRequest.fileBackedBytes),
    slopeShareOfModel,
    weightsLoadedOnce: slopeShareOfModel < LOADED_ONCE_MAX_SHARE,
    requestGrowthPerTokenBytes: requestGrowthPerToken(samples.filter((sample) => sample.instances > 1)),
  };
}

/** RSS a request added per token it generated, in bytes (0 tokens: no figure). */
export function growthPerTokenBytes(sample: MemorySample): number | null {
  if (sample.completionTokens <= 0) return null;
  return ((sample.afterRequest.rssKiB - sample.afterLoad.rssKiB) * KIB) / sample.completionTokens;
}

function requestGrowthPerToken(samples: readonly MemorySample[]): number | null {
  const growths = samples.map(growthPerTokenBytes).filter((growth): growth is number => growth !== null);
  return growths.length === 0 ? null : median(growths);
}

function medianPoint(readings: readonly ProcMemory[]): MemoryPoint {
  const of = (pick: (reading: ProcMemory) => number): number => median(readings.map(pick)) * KIB;
  return {
    rssBytes: of((reading) => reading.rssKiB),
    anonymousBytes: of((reading) => reading.anonymousKiB),
    fileBackedBytes: of((reading) => reading.fileBackedKiB),
    peakBytes: of((reading) => reading.vmHwmKiB),
  };
}
