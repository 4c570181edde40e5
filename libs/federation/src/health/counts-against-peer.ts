import { FederationErrorCode, type FederationClientError } from '@local-swarm/federation-protocol';

/**
 * Statuses by which a working peer turns down one request for what it asked: malformed or too long
 * for its context (400), too large (413), unprocessable (422), or the peer is busy (429). The next
 * request may well succeed, and whoever sends the requests chooses them: were these counted, two
 * over-long chats would make every peer unhealthy.
 */
const REFUSALS_OF_THE_REQUEST: ReadonlySet<number> = new Set([400, 413, 422, 429]);

/**
 * Whether a failed call says the peer is down or broken, and so counts towards turning it unhealthy:
 * no connection, no reply in time, a 5xx, a reply that is malformed, too large or of another
 * protocol (version, identity), a 4xx that refuses us whatever we ask (no such route, forbidden),
 * or an address this node may not connect to (checked before connecting, but it is the peer's
 * address that is wrong: it can never answer).
 * A refusal of this one request (REFUSALS_OF_THE_REQUEST), and anything that went wrong here before
 * or instead of sending (our request invalid or too large, the caller aborted), does not count.
 * Sealed protocol 2 refusals (another swarm, clocks out of step, a replay, a forged or malformed
 * envelope) count: such a peer cannot take part until fixed, so it is never healthy.
 */
export function countsAgainstPeer(error: FederationClientError): boolean {
  // No default: a new error code must be placed on one side or the other here.
  switch (error.code) {
    case FederationErrorCode.TIMEOUT:
    case FederationErrorCode.REFUSED:
    case FederationErrorCode.BAD_REPLY:
    case FederationErrorCode.VERSION_MISMATCH:
    case FederationErrorCode.IDENTITY_MISMATCH:
    case FederationErrorCode.FORBIDDEN_ADDRESS:
    case FederationErrorCode.NOT_MEMBER:
    case FederationErrorCode.CLOCK_SKEW:
    case FederationErrorCode.REPLAYED:
    case FederationErrorCode.BAD_SEAL:
      return true;
    case FederationErrorCode.TOO_LARGE:
      return error.direction === 'response';
    case FederationErrorCode.HTTP:
      return !REFUSALS_OF_THE_REQUEST.has(error.status);
    case FederationErrorCode.ABORTED:
    case FederationErrorCode.INVALID_MESSAGE:
      return false;
  }
}
