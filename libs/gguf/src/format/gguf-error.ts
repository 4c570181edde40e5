/**
 * Error catalog of @local-swarm/gguf. Codes are stable, for callers that switch on them; messages
 * name the file region that is wrong or missing, for people.
 */
export const GgufErrorCode = {
  /** The file does not start with the four bytes `GGUF`. */
  BAD_MAGIC: 'GGUF_ERR_BAD_MAGIC',
  /** The file ends before a field, a metadata value or a tensor's data. */
  TRUNCATED: 'GGUF_ERR_TRUNCATED',
  /** A version, value type or ggml type this library does not know how to lay out. */
  UNSUPPORTED: 'GGUF_ERR_UNSUPPORTED',
  /** A well-formed field with an impossible value (an alignment of 0, a tensor's data of the wrong size). */
  INVALID: 'GGUF_ERR_INVALID',
} as const;

export type GgufErrorCode = (typeof GgufErrorCode)[keyof typeof GgufErrorCode];

export class GgufError extends Error {
  override readonly name = 'GgufError';

  constructor(
    readonly code: GgufErrorCode,
    message: string,
  ) {
    super(message);
  }
}
