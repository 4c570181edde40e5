import { SwarmErrorCode, type SwarmFailure } from '@local-swarm/swarm-core';

/** OpenAI's error types; the official client reads `error.type` and the HTTP status. */
export type OpenAiErrorType = 'invalid_request_error' | 'rate_limit_error' | 'server_error' | 'permission_error' | 'not_found_error';

/** The wire shape: `{ error: { message, type, param, code } }`. */
export interface OpenAiErrorBody {
  readonly error: {
    readonly message: string;
    readonly type: OpenAiErrorType;
    readonly param: string | null;
    readonly code: string | null;
  };
}

/** An error the API answers with; thrown inside handlers and rendered by the exception filter. */
export class OpenAiHttpError extends Error {
  constructor(
    readonly status: number,
    readonly type: OpenAiErrorType,
    message: string,
    readonly param: string | null = null,
    readonly code: string | null = null,
    /** Extra response headers, e.g. Retry-After on 429. */
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = 'OpenAiHttpError';
  }

  get body(): OpenAiErrorBody {
    return { error: { message: this.message, type: this.type, param: this.param, code: this.code } };
  }

  static invalidRequest(message: string, param: string | null = null, code: string | null = null): OpenAiHttpError {
    return new OpenAiHttpError(400, 'invalid_request_error', message, param, code);
  }
}

/** Maps the swarm's failure codes to HTTP: the only place that knows both. */
export function openAiErrorFromSwarmFailure(failure: SwarmFailure): OpenAiHttpError {
  switch (failure.code) {
    case SwarmErrorCode.QueueFull:
      return new OpenAiHttpError(429, 'rate_limit_error', failure.message, null, 'queue_full', {
        'retry-after': String(failure.retryAfterSeconds ?? 1),
      });
    case SwarmErrorCode.ClientQueueShareExceeded:
      return new OpenAiHttpError(429, 'rate_limit_error', failure.message, null, 'client_queue_share_exceeded', {
        'retry-after': String(failure.retryAfterSeconds ?? 1),
      });
    case SwarmErrorCode.ContextLengthExceeded:
      return new OpenAiHttpError(400, 'invalid_request_error', failure.message, 'messages', 'context_length_exceeded');
    case SwarmErrorCode.TooManyCandidates:
      return new OpenAiHttpError(400, 'invalid_request_error', failure.message, 'n', 'too_many_candidates');
    case SwarmErrorCode.NotReady:
      return new OpenAiHttpError(503, 'server_error', failure.message, null, 'not_ready', { 'retry-after': '5' });
    case SwarmErrorCode.Aborted:
      // 499 (client closed request) is never seen by the client; it keeps logs honest.
      return new OpenAiHttpError(499, 'invalid_request_error', failure.message, null, 'aborted');
    case SwarmErrorCode.SourceFailed:
      return new OpenAiHttpError(502, 'server_error', failure.message, null, 'peer_failed');
    case SwarmErrorCode.EngineFailed:
    case SwarmErrorCode.ModelLoadFailed:
      return new OpenAiHttpError(500, 'server_error', failure.message, null, 'engine_failed');
  }
}
