import type { FastifyReply, FastifyRequest } from 'fastify';
import { OpenAiHttpError } from '../http/openai-error';
import { sendOpenAiError } from '../http/send-openai-error';

/** Methods that always count as sending a body, even an empty one. */
const BODY_METHODS: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH']);

function carriesBody(request: FastifyRequest): boolean {
  if (BODY_METHODS.has(request.method)) return true;
  const length = request.headers['content-length'];
  return request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/** The media type of a Content-Type header, without parameters, in lower case. */
function mediaTypeOf(contentType: string | undefined): string | null {
  if (contentType === undefined) return null;
  return (contentType.split(';')[0] ?? '').trim().toLowerCase();
}

/**
 * Fastify onRequest hook: a POST, PUT or PATCH (or any request carrying a body) must send
 * `Content-Type: application/json`, else 415 `unsupported_media_type` before the body is read.
 * A web page can send text/plain or a form to any address without asking first (no CORS
 * preflight); it cannot send application/json that way.
 */
export async function jsonBodiesOnly(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (!carriesBody(request)) return;
  const contentType = request.headers['content-type'];
  if (mediaTypeOf(contentType) === 'application/json') return;
  const got = contentType === undefined ? 'no Content-Type' : JSON.stringify(contentType.slice(0, 100));
  const message = `Send the request body as JSON with Content-Type: application/json; got ${got}.`;
  await sendOpenAiError(reply, new OpenAiHttpError(415, 'invalid_request_error', message, null, 'unsupported_media_type'));
}
