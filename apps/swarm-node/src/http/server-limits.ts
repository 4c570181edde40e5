import type { FastifyHttpOptions } from 'fastify';
import type { Server } from 'node:http';

/** nginx's keepalive_timeout: how long an idle keep-alive connection waits for its next request. */
const KEEP_ALIVE_IDLE_MS = 75_000;

/** Node checks request deadlines on a timer; once a second at most, so a deadline is kept closely. */
const MAX_CHECK_INTERVAL_MS = 1_000;

/**
 * Fastify server options bounding what a client may hold: the whole request (headers and body)
 * must arrive within `requestTimeoutMs` (Node answers 408 and closes the connection), an idle
 * keep-alive connection closes after 75 s. There is no socket idle timeout
 * (`connectionTimeout: 0`): a slow generation or an event stream is an answer being written, and
 * must not be cut. Node's own refusal of an HTTP/1.1 request without Host (a bare 400) is off:
 * the Host allow-list answers it with 403 `forbidden_host` like any other unknown Host.
 */
export function serverLimits(requestTimeoutMs: number): FastifyHttpOptions<Server> {
  return {
    requestTimeout: requestTimeoutMs,
    connectionTimeout: 0,
    keepAliveTimeout: KEEP_ALIVE_IDLE_MS,
    http: {
      requestTimeout: requestTimeoutMs,
      headersTimeout: requestTimeoutMs,
      connectionsCheckingInterval: Math.min(MAX_CHECK_INTERVAL_MS, Math.floor(requestTimeoutMs / 4)),
      requireHostHeader: false,
    },
  };
}
