import type { RequestFinished } from '../observability/request-events';
import { buildConsensusMetadata, type ConsensusMetadata } from '../openai/responses/consensus-metadata';

/** Finished requests the dashboard keeps by default. */
export const DEFAULT_RECENT_ANSWERS = 20;

/** One finished request as the page shows it: how the answer was chosen, or why it failed. */
export interface AnswerSummary {
  readonly request_id: string;
  /** ISO 8601. */
  readonly started_at: string;
  readonly duration_ms: number;
  /** The strategy the request asked for (the consensus says which one was applied). */
  readonly strategy: string;
  readonly mode: string;
  /** Candidates, groups, agreement and winner, as completions carry them; null when it failed. */
  readonly consensus: ConsensusMetadata | null;
  readonly error: RequestFinished['error'];
}

export function summarizeAnswer(finished: RequestFinished): AnswerSummary {
  return {
    request_id: finished.requestId,
    started_at: new Date(finished.startedAt).toISOString(),
    duration_ms: finished.durationMs,
    strategy: finished.strategy,
    mode: finished.mode,
    // The event does not say whether temperature was 0; the candidates' texts show it anyway.
    consensus: finished.run === null ? null : buildConsensusMetadata(finished.run, false),
    error: finished.error,
  };
}

/** A fixed-size ring: pushing beyond capacity forgets the oldest entry. */
export class RingBuffer<T> {
  private readonly items: (T | undefined)[];
  private next = 0;
  private count = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`capacity must be an integer >= 1, got ${capacity}`);
    this.items = new Array<T | undefined>(capacity).fill(undefined);
  }

  get size(): number {
    return this.count;
  }

  push(item: T): void {
    this.items[this.next] = item;
    this.next = (this.next + 1) % this.capacity;
    this.count = Math.min(this.count + 1, this.capacity);
  }

  /** Newest first. */
  newestFirst(): T[] {
    const out: T[] = [];
    for (let i = 1; i <= this.count; i += 1) {
      const item = this.items[(this.next - i + this.capacity) % this.capacity];
      if (item !== undefined) out.push(item);
    }
    return out;
  }
}
