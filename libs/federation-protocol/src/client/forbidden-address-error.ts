import { FederationErrorCode } from '../errors/federation-error';

/**
 * Thrown inside a connection attempt (the agent's lookup) when a peer address is refused by
 * policy; PeerHttp turns it into a FEDERATION_ERR_FORBIDDEN_ADDRESS value. Internal.
 */
export class ForbiddenAddressError extends Error {
  readonly code = FederationErrorCode.FORBIDDEN_ADDRESS;

  constructor(
    /** The refused IP address, or the host name none of whose addresses may be reached. */
    readonly address: string,
    message: string,
  ) {
    super(message);
    this.name = 'ForbiddenAddressError';
  }
}
