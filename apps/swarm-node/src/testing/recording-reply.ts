import type { FastifyReply } from 'fastify';
import { EventEmitter } from 'node:events';

/** One server-sent event as written: a `data:` payload (JSON, or the `[DONE]` marker) or a comment. */
export type WrittenEvent = { readonly kind: 'data'; readonly data: unknown } | { readonly kind: 'done' } | { readonly kind: 'comment'; readonly text: string };

/** The raw response side of RecordingReply: what a hijacked stream writes to. */
class RecordingResponse extends EventEmitter {
  readonly written: string[] = [];
  statusCode: number | null = null;
  destroyed = false;
  writableFinished = false;

  writeHead(status: number): this {
    this.statusCode = status;
    return this;
  }

  write(chunk: string): boolean {
    this.written.push(chunk);
    return true;
  }

  end(): this {
    this.writableFinished = true;
    return this;
  }
}

/**
 * A stand-in for the FastifyReply the completion routes answer on, recording what they send, so
 * streaming can be tested without a server or a model. `leave()` plays a client disconnecting.
 */
export class RecordingReply {
  readonly raw = new RecordingResponse();
  sentStatus: number | null = null;
  sentBody: unknown = undefined;

  get reply(): FastifyReply {
    return this as unknown as FastifyReply;
  }

  hijack(): this {
    return this;
  }

  status(code: number): this {
    this.sentStatus = code;
    return this;
  }

  async send(body: unknown): Promise<void> {
    this.sentBody = body;
  }

  leave(): void {
    this.raw.destroyed = true;
    this.raw.emit('close');
  }

  /** Every event written so far, in order. */
  events(): WrittenEvent[] {
    return this.raw.written
      .join('')
      .split('\n\n')
      .filter((block) => block !== '')
      .map((block): WrittenEvent => {
        if (block.startsWith(': ')) return { kind: 'comment', text: block.slice(2) };
        const data = block.replace(/^data: /, '');
        return data === '[DONE]' ? { kind: 'done' } : { kind: 'data', data: JSON.parse(data) as unknown };
      });
  }

  /** The `data:` payloads that are JSON, as chunks. */
  chunks<T>(): T[] {
    return this.events().flatMap((event) => (event.kind === 'data' ? [event.data as T] : []));
  }
}
