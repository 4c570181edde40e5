import type { FastifyReply, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import { OpenAiHttpError } from '../http/openai-error';
import { sendOpenAiError } from '../http/send-openai-error';
import type { ApiKey } from './api-key';

/**
 * Routes open without the key: node-to-node federation (peers do not hold the API key; they
 * authenticate differently). `/health`, the dashboard page and its assets are outside `/v1/` and
 * open too: they reveal no prompts, and the page must load to ask for the key.
 */
const OPEN_FEDERATION_ROUTES: ReadonlySet<string> = new Set(['/v1/federation/vote', '/v1/federation/health']);

const BEARER = /^Bearer +(\S+) *$/i;

/**
 * Whether a route needs the key. Decided on the route Fastify matched, not on the raw URL, so no
 * spelling of a path (percent-encoding, a query string) reaches a guarded route without the key.
 */
export function routeNeedsApiKey(route: string | undefined): boolean {
  if (route === undefined) return false;
  return route === '/metrics' || (route.startsWith('/v1/') && !OPEN_FEDERATION_ROUTES.has(route));
}

function presentedKey(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  return typeof header === 'string' ? (BEARER.exec(header)?.[1] ?? null) : null;
}

/**
 * Fastify onRequest hook of a node started with an API key: the API, `/metrics` and the dashboard's
 * data need `Authorization: Bearer <key>`, else 401 `invalid_api_key` as OpenAI answers it.
 */
export function apiKeyRequired(apiKey: ApiKey): onRequestAsyncHookHandler {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    if (!routeNeedsApiKey(request.routeOptions.url)) return;
    const presented = presentedKey(request);
    if (presented !== null && apiKey.matches(presented)) return;
    const message =
      presented === null
        ? 'This node needs an API key: send it as "Authorization: Bearer <key>"'
        : 'Incorrect API key provided';
    await sendOpenAiError(reply, new OpenAiHttpError(401, 'invalid_request_error', message, null, 'invalid_api_key', { 'www-authenticate': 'Bearer' }));
  };
}
