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
 * protocol (version, identity), or a 4xx that refuses us whatever we ask (no such route, forbidden).
 * A refusal of this one request (REFUSALS_OF_THE_REQUEST), and anything that went wrong here before
 * or instead of sending (our request invalid or too large, the caller aborted), does not count.
 */
export function countsAgainstPeer(error: FederationClientError): boolean {
  switch (error.code) {
    case FederationErrorCode.HTTP:
      return !REFUSALS_OF_THE_REQUEST.has(error.status);
    case FederationErrorCode.TOO_LARGE:
      return error.direction === 'response';
    case FederationErrorCode.ABORTED:
    case FederationErrorCode.INVALID_MESSAGE:
      return false;
    default:
      // No connection, no reply in time, a reply that is no valid message, another protocol
      // version or identity, an address this node may not connect to: nothing we asked for.
      return true;
  }
}
