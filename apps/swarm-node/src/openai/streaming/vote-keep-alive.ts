import type { FastifyReply } from 'fastify';
import { SseStream } from './sse-stream';

/** How often a stream waiting for the vote sends a comment: well under common 30-60 s idle timeouts. */
export const VOTE_KEEP_ALIVE_MS = 2000;

export const VOTE_KEEP_ALIVE_COMMENT = 'waiting for the vote';

/**
 * Opens the stream and sends `: waiting for the vote` at once, then every `intervalMs` until
 * stopped, so a client sees its stream start right away and neither it nor a proxy gives up on a
 * connection that is silent while every candidate is generated.
 *
 * The stream opens one turn of the event loop after the vote starts: a request refused at once
 * (queue full, node not ready) still gets its HTTP status and Retry-After, which an open stream
 * could no longer send.
 */
export class VoteKeepAlive {
  private stream: SseStream | null = null;
  private timer: NodeJS.Timeout | null = null;
  private readonly opening: NodeJS.Immediate;

  constructor(reply: FastifyReply, intervalMs = VOTE_KEEP_ALIVE_MS) {
    this.opening = setImmediate(() => {
      if (reply.raw.destroyed) return;
      const stream = SseStream.open(reply);
      this.stream = stream;
      stream.comment(VOTE_KEEP_ALIVE_COMMENT);
      this.timer = setInterval(() => stream.comment(VOTE_KEEP_ALIVE_COMMENT), intervalMs);
    });
  }

  /** Stops the comments; returns the stream when it was opened, to answer on. */
  stop(): SseStream | null {
    clearImmediate(this.opening);
    if (this.timer !== null) clearInterval(this.timer);
    return this.stream;
  }
}
