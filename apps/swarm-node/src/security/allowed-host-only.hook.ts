import type { HostAllowList } from '@local-swarm/net-binding';
import type { FastifyReply, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import { OpenAiHttpError } from '../http/openai-error';
import { sendOpenAiError } from '../http/send-openai-error';

/** Enough of a hostile header to recognise it in the message, not enough to flood a log. */
const SHOWN_HOST_LENGTH = 100;

/**
 * Fastify onRequest hook: 403 `forbidden_host` unless the Host header names this machine (see
 * HostAllowList). A page that re-points its own DNS name at the node (DNS rebinding) still sends
 * its own name as Host, so it reaches no route: not the dashboard, the event stream, /metrics or
 * the peers.
 */
export function allowedHostOnly(allowList: HostAllowList): onRequestAsyncHookHandler {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const host = request.headers.host;
    if (allowList.allows(host, request.socket.localAddress ?? null)) return;
    const message =
      host === undefined || host === ''
        ? 'A Host header naming this node is required.'
        : `This node does not answer to the host ${JSON.stringify(host.slice(0, SHOWN_HOST_LENGTH))}; if that name is yours, start the node with --allowed-host.`;
    await sendOpenAiError(reply, new OpenAiHttpError(403, 'permission_error', message, null, 'forbidden_host'));
  };
}
