import { BadRequestException, ForbiddenException, HttpException, HttpStatus, NotFoundException } from '@nestjs/common';
import { OpenAiHttpError } from './openai-error';
import { toOpenAiError } from './openai-exception.filter';

/** The shape of a Fastify error: an Error carrying `statusCode` and an `FST_ERR_*` code. */
function fastifyError(message: string, statusCode: number, code: string): Error {
  return Object.assign(new Error(message), { statusCode, code });
}

describe('toOpenAiError', () => {
  it('passes an OpenAiHttpError through untouched', () => {
    const original = new OpenAiHttpError(429, 'rate_limit_error', 'busy', null, 'queue_full', { 'retry-after': '3' });
    expect(toOpenAiError(original)).toBe(original);
  });

  it('maps a Nest 404 (unknown route) to not_found_error with its message', () => {
    const error = toOpenAiError(new NotFoundException('Cannot GET /nope'));
    expect(error.status).toBe(404);
    expect(error.body).toEqual({ error: { message: 'Cannot GET /nope', type: 'not_found_error', param: null, code: null } });
  });

  it.each([
    [413, 'body_too_large'],
    [415, 'unsupported_media_type'],
  ] as const)('gives a Fastify refusal that Nest turned into an HttpException %i its code %s', (status, code) => {
    const error = toOpenAiError(new HttpException('Request body is too large', status));
    expect(error.status).toBe(status);
    expect(error.code).toBe(code);
    expect(error.type).toBe('invalid_request_error');
  });

  it.each([
    [new BadRequestException('bad'), 400, 'invalid_request_error'],
    [new ForbiddenException('no'), 403, 'permission_error'],
    [new HttpException('slow down', HttpStatus.TOO_MANY_REQUESTS), 429, 'rate_limit_error'],
    [new HttpException('down', HttpStatus.SERVICE_UNAVAILABLE), 503, 'server_error'],
  ] as const)('maps Nest %s to %i %s', (exception, status, type) => {
    const error = toOpenAiError(exception);
    expect(error.status).toBe(status);
    expect(error.type).toBe(type);
  });

  it('maps Fastify FST_ERR_CTP_INVALID_JSON_BODY to 400 "could not parse" with the Fastify code', () => {
    const error = toOpenAiError(fastifyError("Body is not valid JSON but content-type is set to 'application/json'", 400, 'FST_ERR_CTP_INVALID_JSON_BODY'));
    expect(error.status).toBe(400);
    expect(error.type).toBe('invalid_request_error');
    expect(error.code).toBe('FST_ERR_CTP_INVALID_JSON_BODY');
    expect(error.param).toBeNull();
    expect(error.message).toBe(
      "We could not parse the JSON body of your request: Body is not valid JSON but content-type is set to 'application/json'",
    );
  });

  it('treats FST_ERR_CTP_EMPTY_JSON_BODY as a parse error too', () => {
    const error = toOpenAiError(fastifyError('Body cannot be empty', 400, 'FST_ERR_CTP_EMPTY_JSON_BODY'));
    expect(error.status).toBe(400);
    expect(error.message).toMatch(/^We could not parse the JSON body of your request: /);
  });

  it('recognises a plain fastify-like object {statusCode: 400, code} as a parse error', () => {
    const error = toOpenAiError({ statusCode: 400, code: 'FST_ERR_CTP_INVALID_JSON_BODY' });
    expect(error.status).toBe(400);
    expect(error.type).toBe('invalid_request_error');
    expect(error.code).toBe('FST_ERR_CTP_INVALID_JSON_BODY');
    expect(error.message).toMatch(/^We could not parse the JSON body of your request/);
  });

  it.each([
    [413, 'FST_ERR_CTP_BODY_TOO_LARGE', 'Request body is too large'],
    [415, 'FST_ERR_CTP_INVALID_MEDIA_TYPE', 'Unsupported Media Type: text/yaml'],
  ] as const)('keeps other Fastify 4xx errors: %i %s', (status, code, message) => {
    const error = toOpenAiError(fastifyError(message, status, code));
    expect(error.body).toEqual({ error: { message, type: 'invalid_request_error', param: null, code } });
    expect(error.status).toBe(status);
  });

  it.each([
    ['an Error', new Error('secret database password in /etc/x')],
    ['a Fastify 5xx', fastifyError('internal detail', 500, 'FST_ERR_SOMETHING')],
    ['a string', 'secret string'],
    ['null', null],
  ])('turns %s into a 500 server_error without leaking its message', (_label, exception) => {
    const error = toOpenAiError(exception);
    expect(error.status).toBe(500);
    expect(error.body).toEqual({
      error: { message: 'The node failed to handle the request; see its log.', type: 'server_error', param: null, code: null },
    });
  });
});
