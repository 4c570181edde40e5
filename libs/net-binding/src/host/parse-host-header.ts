import { normalizeHostName } from './normalize-host-name';

/** `host`, `host:port` or `[ipv6]:port`; the port is 1-5 digits. */
const HOST_AND_PORT = /^(\[[^\]]*\]|[^:[\]]*)(?::([0-9]{1,5}))?$/;

const MAX_PORT = 65535;

/**
 * The host of an HTTP Host header, normalized by `normalizeHostName` (the port is dropped), or
 * null when the header is missing, empty or malformed: a bare IPv6 address, a path, userinfo
 * (`user@host`), spaces, an empty or out-of-range port. A browser never sends such a header.
 */
export function parseHostHeader(value: string | undefined): string | null {
  if (value === undefined) return null;
  const match = HOST_AND_PORT.exec(value);
  const host = match?.[1];
  const port = match?.[2];
  if (host === undefined || host === '') return null;
  if (port !== undefined && Number(port) > MAX_PORT) return null;
  return normalizeHostName(host);
}
