import { DEFAULT_MAX_SKEW_MS } from './seal-protocol';

export interface ReplayCacheOptions {
  /** The clock skew `open` allows; entries are kept twice as long. Default 30 s. */
  readonly maxSkewMs?: number;
  /** Most nonces held; default 65,536 (a few MB). */
  readonly maxEntries?: number;
}

/** `fresh`: never seen; `seen`: a replay; `evicted`: older than what a full cache could still tell apart. */
export type ReplayCheck = 'fresh' | 'seen' | 'evicted';

/**
 * The message ids (`sender/nonce`) accepted recently. A message is accepted only within the skew of
 * the receiver's clock, so an id needs keeping for 2 × skew after it arrived, then it expires.
 * Bounded: when full, the oldest entry is dropped and every message stamped no later than the
 * dropped one is refused from then on, so a replay is never let through, at worst a late
 * message is refused while the cache is overrun.
 */
export class ReplayCache {
  readonly maxSkewMs: number;
  readonly maxEntries: number;
  /** Insertion order is arrival order, so expired entries are always at the front. */
  readonly #entries = new Map<string, { readonly timestamp: number; readonly expiresAt: number }>();
  #evictedUpTo = Number.NEGATIVE_INFINITY;

  constructor(options: ReplayCacheOptions = {}) {
    this.maxSkewMs = options.maxSkewMs ?? DEFAULT_MAX_SKEW_MS;
    this.maxEntries = options.maxEntries ?? 65_536;
    if (!(this.maxSkewMs > 0) || !Number.isInteger(this.maxEntries) || this.maxEntries < 1) {
      throw new RangeError('a replay cache needs maxSkewMs > 0 and maxEntries >= 1');
    }
  }

  get size(): number {
    return this.#entries.size;
  }

  check(id: string, timestamp: number, now: number): ReplayCheck {
    this.#expire(now);
    if (this.#entries.has(id)) return 'seen';
    return timestamp <= this.#evictedUpTo ? 'evicted' : 'fresh';
  }

  remember(id: string, timestamp: number, now: number): void {
    this.#expire(now);
    while (this.#entries.size >= this.maxEntries) {
      const oldest = this.#entries.entries().next().value;
      if (oldest === undefined) break;
      this.#entries.delete(oldest[0]);
      this.#evictedUpTo = Math.max(this.#evictedUpTo, oldest[1].timestamp);
    }
    this.#entries.set(id, { timestamp, expiresAt: now + 2 * this.maxSkewMs });
  }

  #expire(now: number): void {
    for (const [id, entry] of this.#entries) {
      if (entry.expiresAt > now) return;
      this.#entries.delete(id);
    }
  }
}
