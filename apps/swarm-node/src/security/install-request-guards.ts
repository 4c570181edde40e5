import { HostAllowList } from '@local-swarm/net-binding';
import type { FastifyInstance } from 'fastify';
import { allowedHostOnly } from './allowed-host-only.hook';
import { apiKeyRequired } from './api-key-required.hook';
import { browserOriginRules } from './browser-origin.hook';
import { declaredBodyLimit } from './declared-body-limit.hook';
import type { HttpSurfaceSettings } from './http-surface-settings';
import { jsonBodiesOnly } from './json-bodies-only.hook';
import { privateNetworkOnlyFor } from './private-network-only.hook';

/**
 * The checks every request passes before routing, cheapest and widest first: who the client is,
 * which name it asked for, which page sent it, whether it holds the API key (when the node has
 * one), what body it announces. Each refusal is an OpenAI-shaped 403, 401, 415 or 413, and the
 * route never runs.
 */
export function installRequestGuards(fastify: FastifyInstance, settings: HttpSurfaceSettings): void {
  fastify.addHook('onRequest', privateNetworkOnlyFor({ requestedHost: settings.host }));
  fastify.addHook('onRequest', allowedHostOnly(new HostAllowList({ allowedHosts: settings.allowedHosts })));
  fastify.addHook('onRequest', browserOriginRules(settings.corsOrigins));
  if (settings.apiKey !== undefined) fastify.addHook('onRequest', apiKeyRequired(settings.apiKey));
  fastify.addHook('onRequest', jsonBodiesOnly);
  fastify.addHook('onRequest', declaredBodyLimit(settings.bodyLimit));
}
