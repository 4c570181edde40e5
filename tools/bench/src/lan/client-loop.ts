import type { RequestOutcome } from './request-outcome';

/**
 * Clients that keep sending requests, `concurrency` at a time, each sending its next as soon as
 * its last returns (a closed loop), until stop(). `send` must not throw: failures are outcomes.
 */
export class ClientLoop {
  private readonly recorded: RequestOutcome[] = [];
  private running = false;
  private workers: Promise<void>[] = [];

  constructor(
    private readonly send: () => Promise<RequestOutcome>,
    private readonly concurrency: number,
  ) {
    if (!Number.isInteger(concurrency) || concurrency < 1) throw new RangeError(`concurrency must be a positive integer; got ${concurrency}`);
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.workers = Array.from({ length: this.concurrency }, () => this.work());
  }

  /** Stops sending, waits for the requests in flight, and returns every outcome so far. */
  async stop(): Promise<readonly RequestOutcome[]> {
    this.running = false;
    await Promise.all(this.workers);
    this.workers = [];
    return this.outcomes;
  }

  get outcomes(): readonly RequestOutcome[] {
    return [...this.recorded];
  }

  private async work(): Promise<void> {
    while (this.running) this.recorded.push(await this.send());
  }
}
