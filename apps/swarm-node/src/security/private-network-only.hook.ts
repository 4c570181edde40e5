import { classifyAddress, isTrustedClient, type TrustedClientOptions } from '@local-swarm/net-binding';
import type { FastifyReply, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import { OpenAiHttpError } from '../http/openai-error';
import { sendOpenAiError } from '../http/send-openai-error';

function refusalMessage(client: string): string {
  return classifyAddress(client) === 'cgnat'
    ? `Local Swarm serves carrier-grade NAT clients (100.64.0.0/10) such as ${client} only over a tunnel interface (tailscale*, wg*, utun*) or when --host is such an address`
    : `Local Swarm serves only loopback, private and CGNAT networks; ${client} is not one of them`;
}

/**
 * Fastify onRequest hook: only loopback, private (RFC 1918 / ULA), link-local and, over a tunnel
 * such as Tailscale, CGNAT clients may use the node (net-binding's `isTrustedClient`). Everything
 * else gets 403 before any route runs, so the node stays a local-network service even when it is
 * bound to 0.0.0.0. `options.requestedHost` is the user's --host: a CGNAT one trusts CGNAT clients.
 */
export function privateNetworkOnlyFor(options: TrustedClientOptions): onRequestAsyncHookHandler {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const connection = { remoteAddress: request.ip, localAddress: request.socket.localAddress ?? null };
    if (isTrustedClient(connection, options)) return;
    await sendOpenAiError(reply, new OpenAiHttpError(403, 'permission_error', refusalMessage(request.ip), null, 'forbidden_address'));
  };
}

/** The hook of a node whose listening address was chosen automatically (no --host). */
export const privateNetworkOnly = privateNetworkOnlyFor({ requestedHost: null });
