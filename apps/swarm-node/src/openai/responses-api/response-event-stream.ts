import type { FastifyReply } from 'fastify';

/**
 * Server-sent events as the Responses API sends them: an `event:` line naming the type, then the
 * event with its `type` and a `sequence_number` counted from 0. No `[DONE]`: the stream ends
 * after the response's last lifecycle event.
 */
export class ResponseEventStream {
  private sequence = 0;

  private constructor(private readonly reply: FastifyReply) {}

  static open(reply: FastifyReply): ResponseEventStream {
    reply.hijack();
    reply.raw.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', 'x-accel-buffering': 'no' });
    return new ResponseEventStream(reply);
  }

  get closed(): boolean {
    return this.reply.raw.writableEnded || this.reply.raw.destroyed;
  }

  send(type: string, fields: object): void {
    if (this.closed) return;
    const event = { type, sequence_number: this.sequence++, ...fields };
    this.reply.raw.write(`event: ${type}\ndata: ${JSON.stringify(event)}\n\n`);
  }

  /** A comment line: keeps proxies and clients from timing out while the vote runs. */
  comment(text: string): void {
    if (!this.closed) this.reply.raw.write(`: ${text}\n\n`);
  }

  end(): void {
    if (!this.closed) this.reply.raw.end();
  }
}
