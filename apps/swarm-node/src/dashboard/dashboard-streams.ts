import type { DashboardEventName, DashboardEventStream } from './dashboard-sse';

/**
 * Most dashboard event streams open at once: each holds a socket and gets every event, so a page
 * (or a script) opening streams in a loop must not hold the node's connections or memory. A few
 * open tabs on a LAN stay far below it.
 */
export const MAX_DASHBOARD_EVENT_STREAMS = 32;

/**
 * The open event streams of the dashboard: sends to all of them, and runs a ticker only while at
 * least one is open (nobody watching, nothing to refresh).
 */
export class DashboardStreams {
  private readonly streams = new Set<DashboardEventStream>();
  private ticker: NodeJS.Timeout | null = null;

  constructor(
    private readonly intervalMs: number,
    private readonly onTick: () => void,
  ) {}

  get size(): number {
    return this.streams.size;
  }

  add(stream: DashboardEventStream): void {
    this.streams.add(stream);
    stream.onClose(() => this.remove(stream));
    this.startTicker();
  }

  broadcast(event: DashboardEventName, data: unknown): void {
    for (const stream of this.streams) stream.send(event, data);
  }

  /** Ends every stream: open streams would keep the HTTP server from closing. */
  closeAll(): void {
    this.stopTicker();
    for (const stream of this.streams) stream.close();
    this.streams.clear();
  }

  private remove(stream: DashboardEventStream): void {
    this.streams.delete(stream);
    if (this.streams.size === 0) this.stopTicker();
  }

  private startTicker(): void {
    if (this.ticker !== null) return;
    this.ticker = setInterval(() => this.onTick(), this.intervalMs);
    this.ticker.unref();
  }

  private stopTicker(): void {
    if (this.ticker === null) return;
    clearInterval(this.ticker);
    this.ticker = null;
  }
}
