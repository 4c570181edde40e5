import http, { type ClientRequest, type IncomingMessage, type RequestOptions } from 'node:http';
import https from 'node:https';
import type { Socket } from 'node:net';

/** When one HTTP exchange reached each step (performance.now() ms); null for a step it never reached. */
export interface ExchangeMarks {
  /** The socket was ready to write: connected (a new one) or handed over by the pool (a kept-alive one). */
  readonly connectedAt: number | null;
  /** The reply's status line and headers arrived: the request sent, the peer done, the first bytes back. */
  readonly headersAt: number | null;
}

/** What axios' http adapter calls to open a request (its `transport` option). */
export interface RequestTransport {
  request(options: RequestOptions, callback: (response: IncomingMessage) => void): ClientRequest;
}

/**
 * A transport that is Node's own http/https request, watched: it notes when the socket was ready
 * and when the reply's headers came, so a slow exchange says whether connecting, the peer or the
 * body read took the time. Nothing about the request changes (agent, lookup, TLS options are the
 * ones axios passes).
 */
export class ExchangeTrace implements RequestTransport {
  #connectedAt: number | null = null;
  #headersAt: number | null = null;

  constructor(private readonly secure: boolean) {}

  get marks(): ExchangeMarks {
    return { connectedAt: this.#connectedAt, headersAt: this.#headersAt };
  }

  request(options: RequestOptions, callback: (response: IncomingMessage) => void): ClientRequest {
    const request = (this.secure ? https : http).request(options, (response) => {
      this.#headersAt = performance.now();
      callback(response);
    });
    request.once('socket', (socket: Socket) => this.#watch(socket));
    return request;
  }

  #watch(socket: Socket): void {
    if (!socket.connecting) {
      this.#connectedAt = performance.now();
      return;
    }
    socket.once(this.secure ? 'secureConnect' : 'connect', () => (this.#connectedAt = performance.now()));
  }
}
