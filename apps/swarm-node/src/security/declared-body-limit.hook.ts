import type { FastifyReply, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import { OpenAiHttpError } from '../http/openai-error';
import { sendOpenAiError } from '../http/send-openai-error';

/**
 * Fastify onRequest hook: a body whose Content-Length is over `bodyLimit` gets 413 `body_too_large`
 * before a byte of it is read, and the connection is closed rather than drained. A chunked body
 * that grows past the limit is cut by Fastify's reader with the same status and code.
 */
export function declaredBodyLimit(bodyLimit: number): onRequestAsyncHookHandler {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const length = Number(request.headers['content-length'] ?? 0);
    if (!(length > bodyLimit)) return;
    const message = `The request body has ${length} bytes; this node accepts at most ${bodyLimit} (--body-limit).`;
    await sendOpenAiError(reply, new OpenAiHttpError(413, 'invalid_request_error', message, null, 'body_too_large', { connection: 'close' }));
  };
}
