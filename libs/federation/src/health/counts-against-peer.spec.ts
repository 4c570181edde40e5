import { FederationErrorCode, type FederationClientError } from '@local-swarm/federation-protocol';
import { countsAgainstPeer } from './counts-against-peer';

function http(status: number, peerCode: string | null = null): FederationClientError {
  return { code: FederationErrorCode.HTTP, message: `answered HTTP ${status}`, status, peerMessage: null, peerCode };
}

describe('countsAgainstPeer', () => {
  const table: readonly (readonly [label: string, error: FederationClientError, counts: boolean])[] = [
    ['no connection', { code: FederationErrorCode.REFUSED, message: 'ECONNREFUSED', cause: 'ECONNREFUSED' }, true],
    ['no reply in time', { code: FederationErrorCode.TIMEOUT, message: 'slow', timeoutMs: 100 }, true],
    ['HTTP 500', http(500, 'engine_failed'), true],
    ['HTTP 502', http(502), true],
    ['HTTP 503 (not ready)', http(503, 'not_ready'), true],
    ['a reply that is not a valid message', { code: FederationErrorCode.BAD_REPLY, message: 'not JSON', param: null, status: 200 }, true],
    ['a reply over the size limit', { code: FederationErrorCode.TOO_LARGE, message: 'big', limitBytes: 10, direction: 'response' }, true],
    ['another protocol version', { code: FederationErrorCode.VERSION_MISMATCH, message: 'v9', peerProtocol: 9 }, true],
    ['another node at a discovered address', { code: FederationErrorCode.IDENTITY_MISMATCH, message: 'other node' }, true],
    // Checked before connecting, but about the peer's address, not our request: it can never serve.
    ['an address this node may not connect to', { code: FederationErrorCode.FORBIDDEN_ADDRESS, message: 'metadata endpoint', address: '169.254.169.254' }, true],
    ['a node of another swarm (sealed)', { code: FederationErrorCode.NOT_MEMBER, message: 'other swarm', sealCode: 'not_member' }, true],
    ['clocks out of step (sealed)', { code: FederationErrorCode.CLOCK_SKEW, message: '41 s ahead', sealCode: 'clock_skew' }, true],
    ['a replayed message (sealed)', { code: FederationErrorCode.REPLAYED, message: 'seen', sealCode: null }, true],
    ['a forged or malformed envelope (sealed)', { code: FederationErrorCode.BAD_SEAL, message: 'bad signature', sealCode: 'bad_signature' }, true],
    ['no such route (not a peer)', http(404), true],
    ['the peer refuses this node whatever it asks', http(403), true],
    ['our chat is too long for the peer', http(400, 'context_length_exceeded'), false],
    ['our request is invalid for the peer', http(400, 'FEDERATION_ERR_INVALID_MESSAGE'), false],
    ['our request body is too large for the peer', http(413), false],
    ['our request is unprocessable', http(422), false],
    ['the peer is busy', http(429, 'queue_full'), false],
    ['our request was over the size limit (not sent)', { code: FederationErrorCode.TOO_LARGE, message: 'big', limitBytes: 10, direction: 'request' }, false],
    ['our request broke the DTO rules (not sent)', { code: FederationErrorCode.INVALID_MESSAGE, message: 'max_tokens', param: 'max_tokens' }, false],
    ['the caller aborted', { code: FederationErrorCode.ABORTED, message: 'aborted' }, false],
  ];

  it.each(table)('%s → counts: %s', (_label, error, counts) => {
    expect(countsAgainstPeer(error)).toBe(counts);
  });
});
