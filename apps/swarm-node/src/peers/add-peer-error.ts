import { FederationErrorCode } from '@local-swarm/federation-protocol';
import { OpenAiHttpError } from '../http/openai-error';

/**
 * The answer to a manual peer that was not added. Nothing the target said (a body, an error
 * text, a banner) goes back to the caller, and every way of not reaching a peer (refused, reset,
 * timed out, not a Local Swarm node) is one code, `peer_unreachable`: adding peers must not turn
 * this node into a scanner of the network that tells open ports from closed ones. A Local Swarm
 * node of another protocol version is told apart (the user needs to know to upgrade it). The log
 * keeps the details.
 */
export function addPeerError(error: { readonly code: string; readonly message: string }): OpenAiHttpError {
  switch (error.code) {
    case FederationErrorCode.INVALID_ADDRESS:
      // Our parser's words about the caller's own input.
      return OpenAiHttpError.invalidRequest(error.message, 'address', error.code);
    case FederationErrorCode.FORBIDDEN_ADDRESS:
      return OpenAiHttpError.invalidRequest(
        'a peer must have a private, CGNAT, unique local or link-local address (loopback only with --allow-loopback-peers), never a cloud metadata endpoint',
        'address',
        error.code,
      );
    case FederationErrorCode.VERSION_MISMATCH:
      // Only a valid Local Swarm health reply gets this far: it says a node is there, nothing more.
      return OpenAiHttpError.invalidRequest('that node speaks another federation protocol version', 'address', error.code);
    case 'peer_is_self':
      return OpenAiHttpError.invalidRequest('that address is this node itself', 'address', error.code);
    case 'peer_duplicate':
      return OpenAiHttpError.invalidRequest('that address is another address of a peer already known', 'address', error.code);
    default:
      return OpenAiHttpError.invalidRequest('no Local Swarm peer answered at that address', 'address', 'peer_unreachable');
  }
}
