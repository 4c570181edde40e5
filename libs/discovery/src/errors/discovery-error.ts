/**
 * Error catalog of @local-swarm/discovery. Codes are stable (fastify's `FST_ERR_*` style): callers
 * may switch on them; messages are for humans and may change.
 *
 * Programmer errors (bad options, calling start twice or after stop) throw. Failures of the network
 * (the socket could not bind, advertising failed) reject the start call, or, once running, arrive
 * as the 'error' event. A peer's malformed advertisement is not an error: it is ignored (logged at
 * debug).
 */
export const DiscoveryErrorCode = {
  /** createDiscoveryService() got options it cannot honour. */
  INVALID_OPTIONS: 'DISCOVERY_ERR_INVALID_OPTIONS',
  /** startAdvertising() got a SwarmInfo it cannot advertise. */
  INVALID_INFO: 'DISCOVERY_ERR_INVALID_INFO',
  /** options.interfaceName is not an interface of this machine. */
  INTERFACE_NOT_FOUND: 'DISCOVERY_ERR_INTERFACE_NOT_FOUND',
  /** options.address is not an IPv4 address of options.interfaceName. */
  ADDRESS_NOT_ON_INTERFACE: 'DISCOVERY_ERR_ADDRESS_NOT_ON_INTERFACE',
  /** startAdvertising() was called while already advertising. */
  ALREADY_ADVERTISING: 'DISCOVERY_ERR_ALREADY_ADVERTISING',
  /** startDiscovery() was called while already discovering. */
  ALREADY_DISCOVERING: 'DISCOVERY_ERR_ALREADY_DISCOVERING',
  /** The service was stopped; create a new one to start again. */
  STOPPED: 'DISCOVERY_ERR_STOPPED',
  /** The mDNS responder could not probe or announce the service. */
  ADVERTISE_FAILED: 'DISCOVERY_ERR_ADVERTISE_FAILED',
  /** The browsing socket could not bind (e.g. EADDRINUSE, EACCES). */
  BROWSE_FAILED: 'DISCOVERY_ERR_BROWSE_FAILED',
  /** The browsing socket failed while running. */
  SOCKET_ERROR: 'DISCOVERY_ERR_SOCKET_ERROR',
} as const;

export type DiscoveryErrorCode = (typeof DiscoveryErrorCode)[keyof typeof DiscoveryErrorCode];

export class DiscoveryError extends Error {
  override readonly name = 'DiscoveryError';

  constructor(
    readonly code: DiscoveryErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`${code}: ${message}`, options);
  }
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
