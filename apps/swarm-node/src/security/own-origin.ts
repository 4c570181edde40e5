import type { FastifyRequest } from 'fastify';

/**
 * The origin a page served by this node sends: `http://` plus the Host it asked for. A browser
 * puts exactly that in Origin for same-origin requests from the dashboard.
 */
export function ownOriginOf(request: FastifyRequest): string | null {
  const host = request.headers.host;
  return host === undefined || host === '' ? null : `http://${host}`.toLowerCase();
}

/** True when the request's Origin header is this node's own origin (the dashboard's page). */
export function isOwnOrigin(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  const own = ownOriginOf(request);
  return origin !== undefined && own !== null && origin.toLowerCase() === own;
}
