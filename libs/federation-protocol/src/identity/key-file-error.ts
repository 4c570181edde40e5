/**
 * Why a node key, a swarm key or a join string was refused. Codes are stable; messages are for
 * humans and never contain key material.
 */
export const KeyFileErrorCode = {
  /** The file can be read (or written) by its group or by others: the secret may have leaked. */
  INSECURE_PERMISSIONS: 'insecure_permissions',
  /** The file or the directory could not be read or created (permissions, not a directory…). */
  UNREADABLE: 'unreadable',
  /** A key file was to be written where one already exists; it is left as it is. */
  ALREADY_EXISTS: 'key_file_exists',
  /** The file exists but does not hold a key of the expected format. */
  INVALID_KEY_FILE: 'invalid_key_file',
  /** The join string is mistyped, truncated, of another version or not a join string at all. */
  INVALID_JOIN_STRING: 'invalid_join_string',
} as const;

export type KeyFileErrorCode = (typeof KeyFileErrorCode)[keyof typeof KeyFileErrorCode];

export interface KeyFileError {
  readonly code: KeyFileErrorCode;
  readonly message: string;
}

export type KeyFileResult<T> = { readonly ok: true; readonly value: T } | ({ readonly ok: false } & KeyFileError);

export function keyFileError(code: KeyFileErrorCode, message: string): { readonly ok: false } & KeyFileError {
  return { ok: false, code, message };
}
