import type { FastifyReply } from 'fastify';
import type { OpenAiErrorBody } from '../../http/openai-error';

/**
 * OpenAI-style server-sent events on a hijacked Fastify reply: `data: <json>\n\n` events and a
 * final `data: [DONE]`. Not Nest's @Sse (GET-only, adds `id:` lines the OpenAI client doesn't want).
 * Headers are written here because Fastify plugins' headers are lost after hijack().
 */
export class SseStream {
  private ended = false;

  private constructor(private readonly reply: FastifyReply) {}

  static open(reply: FastifyReply): SseStream {
    reply.hijack();
    reply.raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    return new SseStream(reply);
  }

  /** True once the client is gone or the stream was closed. */
  get closed(): boolean {
    return this.ended || this.reply.raw.destroyed;
  }

  send(event: unknown): void {
    if (this.closed) return;
    this.reply.raw.write(`data: ${JSON.stringify(event)}\n\n`);
  }

  /** A comment line: SSE clients skip it, but the bytes keep proxies and read timeouts from closing the connection. */
  comment(text: string): void {
    if (this.closed) return;
    this.reply.raw.write(`: ${text}\n\n`);
  }

  /** Errors after the stream started travel as an event, as OpenAI does. */
  sendError(error: OpenAiErrorBody): void {
    this.send(error);
  }

  end(): void {
    if (this.closed) return;
    this.reply.raw.write('data: [DONE]\n\n');
    this.ended = true;
    this.reply.raw.end();
  }
}
