/**
 * Version of the peer-to-peer wire protocol. Both sides put it in every message and refuse a
 * message of another version (`FEDERATION_ERR_VERSION_MISMATCH`) instead of guessing at its shape.
 * Bump it on any change a node of the previous version would misread.
 */
export const FEDERATION_PROTOCOL_VERSION = 1;

/**
 * Most hops a vote request may have made. The origin sends `hops: 1` (origin → peer); a peer
 * serves a vote request with its own instances only and never forwards it, so anything above 1
 * means a node forwarded a request and is refused (`FEDERATION_ERR_HOPS_EXCEEDED`): no loops,
 * no request amplification across the LAN.
 */
export const MAX_VOTE_HOPS = 1;

/** Default Local Swarm API port (the port the original prototype used), used when an address names none. */
export const DEFAULT_FEDERATION_PORT = 17615;

/** HTTP paths of the federation API, relative to the node's base URL. */
export const FEDERATION_PATHS = {
  vote: '/v1/federation/vote',
  health: '/v1/federation/health',
  peers: '/v1/federation/peers',
} as const;

/** Bounds every message is validated against; both sides use the same numbers. */
export const FEDERATION_LIMITS = {
  /** Longest `request_id`. */
  requestIdMaxLength: 128,
  /** Longest node id, model id, name or version string (not in the spec; generous, stops abuse). */
  idMaxLength: 256,
  /** Longest `deadline_ms` a peer is asked to honour (10 minutes). */
  deadlineMsMax: 600_000,
  /** Messages in a chat prompt. */
  chatMessagesMin: 1,
  chatMessagesMax: 256,
  /** `max_tokens` range. */
  maxTokensMax: 131_072,
  /** `temperature` range (OpenAI's). */
  temperatureMax: 2,
  /** Largest seed: llama.cpp samplers take a uint32. */
  seedMax: 2 ** 32 - 1,
  /** Stop sequences per request (OpenAI's limit). */
  stopMax: 4,
  /** Candidates (and votes) per request. */
  candidatesMax: 64,
  /** Bytes of UTF-8 in one vote's text (1 MiB). */
  voteTextMaxBytes: 1024 * 1024,
  /** Tool calls in one chat message (an assistant turn that called tools). */
  toolCallsMax: 64,
  /** Longest tool call id or function name. */
  toolNameMaxLength: 64,
  /** Characters of one tool call's arguments (JSON text). */
  toolArgumentsMaxLength: 64 * 1024,
  /** Tools offered in one request. */
  toolsMax: 128,
  /** Characters of one tool's description. */
  toolDescriptionMaxLength: 64 * 1024,
  /** Bytes of one JSON Schema (a format's, a tool's parameters), as JSON text in UTF-8. */
  schemaMaxBytes: 64 * 1024,
  /** Deepest nesting of objects and arrays in one JSON Schema. */
  schemaMaxDepth: 32,
  /** `presence_penalty` and `frequency_penalty` range: -max..max (OpenAI's). */
  penaltyMax: 2,
  /** Entries of `logit_bias` (OpenAI's limit). */
  logitBiasMax: 300,
  /** `logit_bias` values range: -max..max (-100 bans a token). */
  logitBiasMagnitude: 100,
  /** Alternatives per token in `logprobs` (OpenAI's `top_logprobs` limit). */
  topLogprobsMax: 20,
  /** Characters of one token's text in `logprobs`. */
  tokenTextMaxLength: 256,
} as const;
