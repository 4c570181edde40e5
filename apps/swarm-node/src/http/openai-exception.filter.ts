import { ArgumentsHost, Catch, HttpException, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type pino from 'pino';
import { OpenAiHttpError, type OpenAiErrorType } from './openai-error';

/**
 * Codes of the refusals Fastify raises itself (Nest hands them over as HttpExceptions, without
 * Fastify's FST_ERR_* code): a chunked body over the limit, a body on a method with no parser.
 */
const CODE_FOR_STATUS: ReadonlyMap<number, string> = new Map([
  [413, 'body_too_large'],
  [415, 'unsupported_media_type'],
]);

/**
 * Every error leaves the node in OpenAI's shape with the right status, whatever threw it:
 * our own OpenAiHttpError, a Nest HttpException (e.g. unknown route), or a Fastify error
 * raised before routing (malformed JSON, wrong content type, body too large).
 */
export function toOpenAiError(exception: unknown): OpenAiHttpError {
  if (exception instanceof OpenAiHttpError) return exception;
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    return new OpenAiHttpError(status, typeForStatus(status), exception.message, null, CODE_FOR_STATUS.get(status) ?? null);
  }
  const fastifyStatus = statusOfFastifyError(exception);
  if (fastifyStatus !== null && fastifyStatus < 500) {
    const code = codeOf(exception);
    const message =
      code === 'FST_ERR_CTP_INVALID_JSON_BODY' || code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || exception instanceof SyntaxError
        ? `We could not parse the JSON body of your request: ${messageOf(exception)}`
        : messageOf(exception);
    return new OpenAiHttpError(fastifyStatus, typeForStatus(fastifyStatus), message, null, code);
  }
  return new OpenAiHttpError(500, 'server_error', 'The node failed to handle the request; see its log.');
}

@Catch()
export class OpenAiExceptionFilter implements ExceptionFilter {
  constructor(private readonly logger: pino.Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const error = toOpenAiError(exception);
    if (error.status >= 500) this.logger.error({ err: exception }, 'request failed');
    if (reply.sent || reply.raw.headersSent) return; // a stream already started: it reports its own errors
    void reply.status(error.status).headers(error.headers).send(error.body);
  }
}

function typeForStatus(status: number): OpenAiErrorType {
  if (status === 429) return 'rate_limit_error';
  if (status === 403) return 'permission_error';
  if (status === 404) return 'not_found_error';
  return status >= 500 ? 'server_error' : 'invalid_request_error';
}

function statusOfFastifyError(error: unknown): number | null {
  if (typeof error !== 'object' || error === null) return null;
  const status = (error as { statusCode?: unknown }).statusCode;
  return typeof status === 'number' ? status : null;
}

function codeOf(error: unknown): string | null {
  if (typeof error !== 'object' || error === null) return null;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : null;
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'object' && error !== null) {
    const message = (error as { message?: unknown }).message;
    if (typeof message === 'string') return message;
  }
  return 'invalid request';
}
