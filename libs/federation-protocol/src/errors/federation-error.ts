/**
 * Error catalog of @local-swarm/federation-protocol. Codes are stable (fastify's `FST_ERR_*`
 * style): callers switch on them; messages are for humans and may change.
 *
 * Everything here is an expected failure (a peer is down, slow, old or broken; a user typed a bad
 * address) and travels as a value. Only the app maps codes to HTTP statuses or log levels.
 */
export const FederationErrorCode = {
  /** The call's deadline passed before the peer answered. */
  TIMEOUT: 'FEDERATION_ERR_TIMEOUT',
  /** No connection: refused, reset, host/network unreachable or down, name not resolved. */
  REFUSED: 'FEDERATION_ERR_REFUSED',
  /**
   * Not connected, by policy: the peer's address (an IP literal, or every address its name
   * resolved to at connect time) is outside the local network, loopback when loopback is not
   * allowed, or a cloud metadata endpoint. No packet was sent to it.
   */
  FORBIDDEN_ADDRESS: 'FEDERATION_ERR_FORBIDDEN_ADDRESS',
  /** The peer answered, but not with a valid message: not JSON, invalid per the DTOs, a redirect. */
  BAD_REPLY: 'FEDERATION_ERR_BAD_REPLY',
  /** The reply (or our request) is larger than the configured limit. */
  TOO_LARGE: 'FEDERATION_ERR_TOO_LARGE',
  /** The message speaks another protocol version than FEDERATION_PROTOCOL_VERSION. */
  VERSION_MISMATCH: 'FEDERATION_ERR_VERSION_MISMATCH',
  /** The caller's AbortSignal aborted the call (client left, first_valid already has a winner). */
  ABORTED: 'FEDERATION_ERR_ABORTED',
  /** The peer answered with HTTP status >= 400 (its OpenAI-shaped error message is kept). */
  HTTP: 'FEDERATION_ERR_HTTP',
  /** A message (request body, reply, or a request we were about to send) breaks the DTO rules. */
  INVALID_MESSAGE: 'FEDERATION_ERR_INVALID_MESSAGE',
  /** A vote request has travelled more than MAX_VOTE_HOPS: somebody forwarded it. */
  HOPS_EXCEEDED: 'FEDERATION_ERR_HOPS_EXCEEDED',
  /** A peer address is not `host:port` or `openai+http(s)://host[:port]/path`. */
  INVALID_ADDRESS: 'FEDERATION_ERR_INVALID_ADDRESS',
  /** A discovered peer's health reply names another node than the one discovered at that address. */
  IDENTITY_MISMATCH: 'FEDERATION_ERR_IDENTITY_MISMATCH',
  /** Sealed protocol 2: the other node signed correctly but does not hold this swarm's key (another swarm). */
  NOT_MEMBER: 'FEDERATION_ERR_NOT_MEMBER',
  /** Sealed protocol 2: the two nodes' clocks differ by more than the allowed skew (synchronise them: NTP). */
  CLOCK_SKEW: 'FEDERATION_ERR_CLOCK_SKEW',
  /** Sealed protocol 2: a message that was already accepted once (a captured message sent again). */
  REPLAYED: 'FEDERATION_ERR_REPLAYED',
  /** Sealed protocol 2: any other refused envelope (malformed, forged signature, wrong purpose, reply to another request…). */
  BAD_SEAL: 'FEDERATION_ERR_BAD_SEAL',
} as const;

export type FederationErrorCode = (typeof FederationErrorCode)[keyof typeof FederationErrorCode];

/** Why parsing a message or an address failed; `param` is the first failing field path. */
export interface FederationParseError {
  readonly code:
    | typeof FederationErrorCode.INVALID_MESSAGE
    | typeof FederationErrorCode.VERSION_MISMATCH
    | typeof FederationErrorCode.HOPS_EXCEEDED
    | typeof FederationErrorCode.INVALID_ADDRESS;
  readonly message: string;
  /** Field path such as `votes[0].score` or `prompt.messages[1].role`; null for the whole body. */
  readonly param: string | null;
}

export type ParseResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: FederationParseError };

/** Why a call to a peer failed. Discriminated on `code`; every variant carries a message. */
export type FederationClientError =
  | { readonly code: typeof FederationErrorCode.TIMEOUT; readonly message: string; readonly timeoutMs: number }
  | {
      readonly code: typeof FederationErrorCode.REFUSED;
      readonly message: string;
      /** The system error code (ECONNREFUSED, ECONNRESET, EHOSTUNREACH…), null when none. */
      readonly cause: string | null;
    }
  | {
      readonly code: typeof FederationErrorCode.FORBIDDEN_ADDRESS;
      readonly message: string;
      /** The refused IP address, or the host name none of whose addresses may be reached. */
      readonly address: string;
    }
  | {
      readonly code: typeof FederationErrorCode.BAD_REPLY;
      readonly message: string;
      /** First invalid field path of the reply, null when the reply is not a JSON object at all. */
      readonly param: string | null;
      /** HTTP status of the reply, null when none was received. */
      readonly status: number | null;
    }
  | {
      readonly code: typeof FederationErrorCode.TOO_LARGE;
      readonly message: string;
      readonly limitBytes: number;
      /** Whether our request body or the peer's reply was too large. */
      readonly direction: 'request' | 'response';
    }
  | {
      readonly code: typeof FederationErrorCode.VERSION_MISMATCH;
      readonly message: string;
      /** The peer's protocol version, null when it only said so in an error message. */
      readonly peerProtocol: number | null;
    }
  | { readonly code: typeof FederationErrorCode.ABORTED; readonly message: string }
  | {
      readonly code: typeof FederationErrorCode.HTTP;
      readonly message: string;
      readonly status: number;
      /** `error.message` of the peer's OpenAI-shaped error body, null when it sent none. */
      readonly peerMessage: string | null;
      /** `error.code` of that body (e.g. FEDERATION_ERR_HOPS_EXCEEDED), null when none. */
      readonly peerCode: string | null;
    }
  | {
      readonly code: typeof FederationErrorCode.INVALID_MESSAGE;
      readonly message: string;
      /** First invalid field of the request we refused to send. */
      readonly param: string | null;
    }
  | { readonly code: typeof FederationErrorCode.IDENTITY_MISMATCH; readonly message: string }
  | {
      readonly code:
        | typeof FederationErrorCode.NOT_MEMBER
        | typeof FederationErrorCode.CLOCK_SKEW
        | typeof FederationErrorCode.REPLAYED
        | typeof FederationErrorCode.BAD_SEAL;
      readonly message: string;
      /** The refusal code of `open` (`not_member`, `bad_signature`…), null when the peer only named the client code. */
      readonly sealCode: string | null;
    };

/** Outcome of a call to a peer. The client never throws for peer failures. */
export type ClientResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: FederationClientError };

export function invalidAddress(input: string, reason: string): FederationParseError {
  return {
    code: FederationErrorCode.INVALID_ADDRESS,
    message: `peer address ${JSON.stringify(input)} is invalid: ${reason}`,
    param: 'address',
  };
}
