import type { FastifyReply } from 'fastify';

/** The events of `GET /v1/dashboard/events`. */
export type DashboardEventName = 'hello' | 'node' | 'peers' | 'started' | 'candidate' | 'answer' | 'vote-served';

/** How long a browser waits before reconnecting a dropped stream (the SSE `retry:` field), ms. */
export const SSE_RETRY_MS = 1000;

/**
 * How often an idle stream gets a comment line: writing is how a dead connection is noticed
 * (and dropped), and proxies close streams that stay silent for long.
 */
export const SSE_HEARTBEAT_MS = 15_000;

/** The SSE comment written every heartbeat; EventSource ignores it. */
export const SSE_HEARTBEAT = ': heartbeat\n\n';

/**
 * A client that stops reading (a tab in the background on a slow link) is cut off once this much
 * is waiting in its socket buffer, instead of the node buffering without bound. EventSource
 * reconnects and the page reloads its state.
 */
const MAX_BUFFERED_BYTES = 1024 * 1024;

/**
 * One named server-sent event (WHATWG HTML §9.2): `event: <name>` and one `data:` line of JSON.
 * JSON.stringify escapes newlines inside strings, so the payload never breaks the framing.
 */
export function formatSseEvent(event: DashboardEventName, data: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

/**
 * A dashboard event stream on a hijacked Fastify reply (not Nest's @Sse: it needs rxjs plumbing
 * and adds `id:` lines nobody reads here). Headers are written here because headers set by
 * Fastify hooks and plugins are lost after hijack().
 */
export class DashboardEventStream {
  private ended = false;
  private readonly heartbeat: NodeJS.Timeout;

  private constructor(
    private readonly reply: FastifyReply,
    heartbeatMs: number,
  ) {
    this.heartbeat = setInterval(() => this.write(SSE_HEARTBEAT), heartbeatMs);
    this.heartbeat.unref();
    reply.raw.once('close', () => clearInterval(this.heartbeat));
  }

  static open(reply: FastifyReply, heartbeatMs: number = SSE_HEARTBEAT_MS, extraHeaders: Record<string, string> = {}): DashboardEventStream {
    reply.hijack();
    reply.raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
      ...extraHeaders,
    });
    reply.raw.write(`retry: ${SSE_RETRY_MS}\n\n`);
    return new DashboardEventStream(reply, heartbeatMs);
  }

  get closed(): boolean {
    return this.ended || this.reply.raw.destroyed || this.reply.raw.writableEnded;
  }

  /** Called once when the client goes away (or close() was called). */
  onClose(listener: () => void): void {
    this.reply.raw.once('close', listener);
  }

  send(event: DashboardEventName, data: unknown): void {
    this.write(formatSseEvent(event, data));
  }

  close(): void {
    clearInterval(this.heartbeat);
    if (this.closed) return;
    this.ended = true;
    this.reply.raw.end();
  }

  private write(frame: string): void {
    if (this.closed) return;
    if (this.reply.raw.writableLength > MAX_BUFFERED_BYTES) {
      this.reply.raw.destroy();
      return;
    }
    this.reply.raw.write(frame);
  }
}
