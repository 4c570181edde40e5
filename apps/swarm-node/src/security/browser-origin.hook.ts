import type { FastifyReply, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import { OpenAiHttpError } from '../http/openai-error';
import { sendOpenAiError } from '../http/send-openai-error';
import { isOwnOrigin } from './own-origin';

/**
 * A top-level GET navigation (a link to the dashboard followed from another site): the page that
 * started it cannot read the answer, and no GET route changes anything.
 */
function isCrossSiteNavigation(request: FastifyRequest): boolean {
  const { headers } = request;
  return (request.method === 'GET' || request.method === 'HEAD') && headers['sec-fetch-mode'] === 'navigate' && headers['sec-fetch-dest'] === 'document';
}

/** Why a browser request is refused, or null when it may go on. */
function refusalOf(request: FastifyRequest, corsOrigins: ReadonlySet<string>): string | null {
  const origin = request.headers.origin;
  const corsAllowed = origin !== undefined && corsOrigins.has(origin.toLowerCase());
  if (origin !== undefined && !corsAllowed && !isOwnOrigin(request)) {
    return `Pages from ${JSON.stringify(origin.slice(0, 100))} may not call this node; start it with --cors-origin to allow an origin.`;
  }
  if (request.headers['sec-fetch-site'] === 'cross-site' && !corsAllowed && !isCrossSiteNavigation(request)) {
    return 'Pages of other sites may not call this node; start it with --cors-origin to allow an origin.';
  }
  return null;
}

/**
 * Fastify onRequest hook: 403 `forbidden_origin` for requests a browser makes on behalf of another
 * site. A request whose Origin is neither the node's own (its dashboard) nor a --cors-origin is
 * refused, `Origin: null` (sandboxed frames, file pages) included; so is `Sec-Fetch-Site:
 * cross-site` without an allowed Origin, which catches no-cors reads such as <script src>.
 * Programs (curl, SDKs, peers) send neither header and are unaffected.
 */
export function browserOriginRules(corsOrigins: readonly string[]): onRequestAsyncHookHandler {
  const allowed: ReadonlySet<string> = new Set(corsOrigins.map((origin) => origin.toLowerCase()));
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const refusal = refusalOf(request, allowed);
    if (refusal === null) return;
    await sendOpenAiError(reply, new OpenAiHttpError(403, 'permission_error', refusal, null, 'forbidden_origin'));
  };
}
