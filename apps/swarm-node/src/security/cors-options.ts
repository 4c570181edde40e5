import type { FastifyCorsOptions } from '@fastify/cors';
import { REQUEST_ID_HEADER } from '../observability/request-id';

/**
 * CORS for exactly the --cors-origin origins: preflights answered, the origin echoed (with
 * `Vary: Origin`), the methods and headers the API uses. Other origins get no CORS headers, and
 * the origin rules refuse them before this runs.
 */
export function corsOptionsFor(origins: readonly string[]): FastifyCorsOptions {
  return {
    origin: [...origins],
    methods: ['GET', 'POST', 'DELETE'],
    allowedHeaders: ['Content-Type', 'Authorization', 'X-Request-Id', 'X-Swarm-Strategy', 'X-Swarm-Mode'],
    exposedHeaders: [REQUEST_ID_HEADER],
    maxAge: 600,
  };
}
