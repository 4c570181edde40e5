import { isTrustedClientAddress } from '@local-swarm/net-binding';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { OpenAiErrorBody } from '../http/openai-error';

/**
 * Fastify onRequest hook: only loopback, private (RFC 1918 / ULA), CGNAT (e.g. Tailscale) and
 * link-local clients may use the node. Everything else gets 403 before any route runs, so the
 * node stays a local-network service even when it is bound to 0.0.0.0.
 */
export async function privateNetworkOnly(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (isTrustedClientAddress(request.ip)) return;
  const body: OpenAiErrorBody = {
    error: {
      message: `Local Swarm serves only loopback, private and CGNAT networks; ${request.ip} is not one of them`,
      type: 'permission_error',
      param: null,
      code: 'forbidden_address',
    },
  };
  await reply.status(403).send(body);
}
