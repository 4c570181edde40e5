/**
 * Error catalog of @local-swarm/net-binding. Codes are stable (fastify's `FST_ERR_*` style):
 * callers may switch on them; messages are for humans and may change.
 *
 * These are expected failures (the user asked for a host this machine cannot bind), returned as
 * values. Only the app decides what they become (an exit code, a log line).
 */
export const NetBindingErrorCode = {
  /** The requested host is not an IP address literal (hostnames are not resolved here). */
  INVALID_ADDRESS: 'NET_BINDING_ERR_INVALID_ADDRESS',
  /** The requested host is a valid IP but no network interface of this machine holds it. */
  ADDRESS_NOT_LOCAL: 'NET_BINDING_ERR_ADDRESS_NOT_LOCAL',
} as const;

export type NetBindingErrorCode = (typeof NetBindingErrorCode)[keyof typeof NetBindingErrorCode];

export interface NetBindingError {
  readonly code: NetBindingErrorCode;
  readonly message: string;
}

export function invalidAddressError(host: string): NetBindingError {
  return {
    code: NetBindingErrorCode.INVALID_ADDRESS,
    message: `host ${JSON.stringify(host)} is not an IP address; give an IPv4 or IPv6 address such as 127.0.0.1`,
  };
}

export function addressNotLocalError(host: string, localAddresses: readonly string[]): NetBindingError {
  const known = localAddresses.length > 0 ? localAddresses.join(', ') : 'none';
  return {
    code: NetBindingErrorCode.ADDRESS_NOT_LOCAL,
    message: `host ${host} is not an address of any network interface of this machine (local addresses: ${known})`,
  };
}
