import type { Candidate } from '@local-swarm/consensus';
import { LOCAL_SOURCE_ID } from '@local-swarm/swarm-core';
import type { SampleRecord } from '../records/answer-record';

/** A recorded sample with its position among the task's samples (the stable order key). */
export interface IndexedSample {
  readonly index: number;
  readonly sample: SampleRecord;
}

/**
 * A recorded sample as the candidate the node would have voted on: one source ("local"), one
 * model, the sample's score, finish reason and text. Latency is not part of any vote: 0.
 */
export function toCandidate(entry: IndexedSample, modelId: string): Candidate {
  return {
    text: entry.sample.text,
    score: entry.sample.score,
    source: LOCAL_SOURCE_ID,
    sequence: entry.index,
    model: modelId,
    finishReason: entry.sample.finishReason,
    latencyMs: 0,
    completionTokens: entry.sample.completionTokens,
  };
}

/** The samples split into floor(n / k) disjoint groups of k, in recorded order (the rest unused). */
export function disjointGroups(samples: readonly SampleRecord[], k: number): IndexedSample[][] {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`group size must be a positive integer, got ${k}`);
  const groups: IndexedSample[][] = [];
  for (let start = 0; start + k <= samples.length; start += k) {
    groups.push(samples.slice(start, start + k).map((sample, offset) => ({ index: start + offset, sample })));
  }
  return groups;
}
