import { randomUUID } from 'node:crypto';

/** Header that carries a request's id in and out (and, as `request_id`, to peers). */
export const REQUEST_ID_HEADER = 'x-request-id';

const USABLE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Fastify's `genReqId`: the client's `x-request-id` when it is a short plain token (so a caller's
 * id follows its request through our logs and our peers'), otherwise a fresh UUID. Anything
 * else in the header is ignored: it ends up in logs, so it must not carry arbitrary text.
 */
export function requestIdFor(request: { readonly headers: NodeJS.Dict<string | string[]> }): string {
  const header = request.headers[REQUEST_ID_HEADER];
  const value = Array.isArray(header) ? header[0] : header;
  return value !== undefined && USABLE_REQUEST_ID.test(value) ? value : randomUUID();
}
