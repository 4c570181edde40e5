/**
 * A fair (FIFO) counting semaphore over a fixed set of slots, with a bounded wait queue.
 *
 * A request asks for k slots at once (its candidates). The head of the queue is served first
 * even when a later, smaller request would fit: that keeps big requests from starving.
 * When `maxWaiting` requests already wait, `acquire` answers `queue_full` at once so the API
 * can return 429 instead of letting latency grow without bound.
 * A waiter may name its client: one client holding {@link clientShareOf} waiting places already
 * is answered `client_share_exceeded`, so a single flooding client cannot fill the queue and
 * lock everyone else out. Requests holding slots are not counted, only waiters.
 */
export type AcquireFailureReason = 'queue_full' | 'client_share_exceeded' | 'aborted' | 'closed';

export type AcquireOutcome<T> =
  | { readonly ok: true; readonly slots: readonly T[] }
  | { readonly ok: false; readonly reason: AcquireFailureReason };

/** Waiting places one client may hold: half the queue, at least one. */
export function clientShareOf(maxWaiting: number): number {
  return Math.max(1, Math.floor(maxWaiting / 2));
}

interface Waiter<T> {
  readonly count: number;
  readonly clientKey: string | undefined;
  readonly resolve: (outcome: AcquireOutcome<T>) => void;
  readonly detach: () => void;
}

export class SlotQueue<T> {
  private readonly free: T[];
  private readonly waiters: Waiter<T>[] = [];
  /** Waiting places per named client; a client with none is absent. */
  private readonly waitingPerClient = new Map<string, number>();
  private closed = false;

  constructor(
    slots: readonly T[],
    private readonly maxWaiting: number,
  ) {
    this.free = [...slots];
    this.capacity = slots.length;
  }

  readonly capacity: number;

  get freeCount(): number {
    return this.free.length;
  }

  get waitingCount(): number {
    return this.waiters.length;
  }

  /** Waiting places `clientKey` holds now. */
  waitingFor(clientKey: string): number {
    return this.waitingPerClient.get(clientKey) ?? 0;
  }

  /**
   * Takes `count` slots, waiting in line if needed. Never rejects: failures are values.
   * `clientKey` names who asks, for the per-client share of the wait queue.
   */
  acquire(count: number, signal?: AbortSignal, clientKey?: string): Promise<AcquireOutcome<T>> {
    if (count < 1 || count > this.capacity) {
      throw new RangeError(`cannot acquire ${count} of ${this.capacity} slots`);
    }
    if (this.closed) return Promise.resolve({ ok: false, reason: 'closed' });
    if (signal?.aborted === true) return Promise.resolve({ ok: false, reason: 'aborted' });
    if (this.waiters.length === 0 && this.free.length >= count) {
      return Promise.resolve({ ok: true, slots: this.free.splice(0, count) });
    }
    if (clientKey !== undefined && this.waitingFor(clientKey) >= clientShareOf(this.maxWaiting)) {
      return Promise.resolve({ ok: false, reason: 'client_share_exceeded' });
    }
    if (this.waiters.length >= this.maxWaiting) return Promise.resolve({ ok: false, reason: 'queue_full' });

    return new Promise((resolve) => {
      const onAbort = (): void => {
        this.removeWaiter(waiter);
        resolve({ ok: false, reason: 'aborted' });
      };
      const waiter: Waiter<T> = {
        count,
        clientKey,
        resolve,
        detach: () => signal?.removeEventListener('abort', onAbort),
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiters.push(waiter);
      this.countWaiting(clientKey, 1);
    });
  }

  /** Gives slots back and serves waiters in order. */
  release(slots: readonly T[]): void {
    this.free.push(...slots);
    this.serveWaiters();
  }

  /** Refuses new work and answers every waiter with `closed`. */
  close(): void {
    this.closed = true;
    this.waitingPerClient.clear();
    for (const waiter of this.waiters.splice(0)) {
      waiter.detach();
      waiter.resolve({ ok: false, reason: 'closed' });
    }
  }

  private serveWaiters(): void {
    for (let head = this.waiters[0]; head !== undefined && this.free.length >= head.count; head = this.waiters[0]) {
      this.waiters.shift();
      this.countWaiting(head.clientKey, -1);
      head.detach();
      head.resolve({ ok: true, slots: this.free.splice(0, head.count) });
    }
  }

  private removeWaiter(waiter: Waiter<T>): void {
    const index = this.waiters.indexOf(waiter);
    if (index >= 0) {
      this.waiters.splice(index, 1);
      this.countWaiting(waiter.clientKey, -1);
    }
    // The removed waiter may have been blocking smaller ones behind it.
    this.serveWaiters();
  }

  private countWaiting(clientKey: string | undefined, delta: 1 | -1): void {
    if (clientKey === undefined) return;
    const waiting = this.waitingFor(clientKey) + delta;
    if (waiting > 0) this.waitingPerClient.set(clientKey, waiting);
    else this.waitingPerClient.delete(clientKey);
  }
}
