import { SwarmErrorCode, type SwarmFailure } from '@local-swarm/swarm-core';
import { OpenAiHttpError, openAiErrorFromSwarmFailure, type OpenAiErrorType } from './openai-error';

describe('openAiErrorFromSwarmFailure', () => {
  it.each<[SwarmFailure, number, OpenAiErrorType, string | null, string, Record<string, string>]>([
    [{ code: SwarmErrorCode.QueueFull, message: 'busy', retryAfterSeconds: 7 }, 429, 'rate_limit_error', null, 'queue_full', { 'retry-after': '7' }],
    [{ code: SwarmErrorCode.QueueFull, message: 'busy' }, 429, 'rate_limit_error', null, 'queue_full', { 'retry-after': '1' }],
    [{ code: SwarmErrorCode.ContextLengthExceeded, message: 'too long' }, 400, 'invalid_request_error', 'messages', 'context_length_exceeded', {}],
    [{ code: SwarmErrorCode.TooManyCandidates, message: 'too many' }, 400, 'invalid_request_error', 'n', 'too_many_candidates', {}],
    [{ code: SwarmErrorCode.NotReady, message: 'stopping' }, 503, 'server_error', null, 'not_ready', { 'retry-after': '5' }],
    [{ code: SwarmErrorCode.Aborted, message: 'gone' }, 499, 'invalid_request_error', null, 'aborted', {}],
    [{ code: SwarmErrorCode.EngineFailed, message: 'boom' }, 500, 'server_error', null, 'engine_failed', {}],
    [{ code: SwarmErrorCode.ModelLoadFailed, message: 'no file' }, 500, 'server_error', null, 'engine_failed', {}],
  ])('%o → %i %s', (failure, status, type, param, code, headers) => {
    const error = openAiErrorFromSwarmFailure(failure);
    expect(error).toBeInstanceOf(OpenAiHttpError);
    expect(error.status).toBe(status);
    expect(error.headers).toEqual(headers);
    expect(error.body).toEqual({ error: { message: failure.message, type, param, code } });
  });
});

describe('OpenAiHttpError', () => {
  it('renders the OpenAI wire shape and defaults param, code and headers', () => {
    const error = new OpenAiHttpError(404, 'not_found_error', 'no such model');
    expect(error.name).toBe('OpenAiHttpError');
    expect(error.headers).toEqual({});
    expect(error.body).toEqual({ error: { message: 'no such model', type: 'not_found_error', param: null, code: null } });
  });

  it('invalidRequest() is a 400 invalid_request_error with param and code', () => {
    const error = OpenAiHttpError.invalidRequest('bad n', 'n', 'n_too_large');
    expect(error.status).toBe(400);
    expect(error.body).toEqual({ error: { message: 'bad n', type: 'invalid_request_error', param: 'n', code: 'n_too_large' } });
  });
});
