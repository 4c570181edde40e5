/**
 * OpenSSL's certificate verification codes (self-signed, expired, unknown issuer…) and Node's
 * TLS/SSL error codes (ERR_TLS_CERT_ALTNAME_INVALID for a certificate of another host,
 * ERR_SSL_WRONG_VERSION_NUMBER for a server that does not speak TLS, EPROTO).
 */
const TLS_CODE = /^(ERR_TLS_|ERR_SSL_)|CERT|SELF_SIGNED|^UNABLE_TO_|^HOSTNAME_MISMATCH$|^EPROTO$/;

/** The TLS reason code of a failed https call (however axios wrapped it), or null for any other failure. */
export function tlsFailureCode(error: unknown): string | null {
  for (let current = error, depth = 0; typeof current === 'object' && current !== null && depth < 4; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && TLS_CODE.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}
