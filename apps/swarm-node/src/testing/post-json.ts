import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

/** An in-process JSON POST, as a client's `fetch` would send it (content-type set, body serialised). */
export function postJson(fastify: FastifyInstance, url: string, payload: unknown, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
  return fastify.inject({ method: 'POST', url, payload: JSON.stringify(payload), headers: { 'content-type': 'application/json', ...headers } });
}
