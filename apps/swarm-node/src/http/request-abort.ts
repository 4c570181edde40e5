import type { FastifyReply } from 'fastify';

/**
 * An AbortSignal that fires when the client disconnects before the answer is complete, so
 * generation stops and the instances go back to the pool. (`request.raw` 'close' fires once the
 * body is read in current Node versions, so we watch the response side.)
 */
export function abortOnClientDisconnect(reply: FastifyReply): AbortSignal {
  const controller = new AbortController();
  reply.raw.once('close', () => {
    if (!reply.raw.writableFinished) controller.abort();
  });
  return controller.signal;
}
