/**
 * Generations still running on an engine, so the engine can stop them and wait for them before
 * freeing the model: freeing a context while a decode step still uses it fails that step, and a
 * batch started with `void` would turn the failure into an unhandled rejection.
 */
export class RunningWork {
  private readonly running = new Set<Promise<unknown>>();
  private readonly stopping = new AbortController();

  /** Aborted once `drain()` is called: running work should end at its next step. */
  get signal(): AbortSignal {
    return this.stopping.signal;
  }

  /** The caller's signal, aborted as well when the engine drains. */
  signalFor(callerSignal: AbortSignal): AbortSignal {
    return AbortSignal.any([callerSignal, this.stopping.signal]);
  }

  /** Keeps `work` until it settles; returns it unchanged. */
  track<T>(work: Promise<T>): Promise<T> {
    this.running.add(work);
    const forget = (): void => {
      this.running.delete(work);
    };
    work.then(forget, forget);
    return work;
  }

  get size(): number {
    return this.running.size;
  }

  /** Aborts every running piece of work and waits until each has settled; never rejects. */
  async drain(): Promise<void> {
    this.stopping.abort();
    await Promise.allSettled([...this.running]);
  }
}
