import { FederationErrorCode, type ClientResult, type FederationClientError } from '../errors/federation-error';
import { isSealFailureCode, sealFailureCode, sealFailureError, UNSEALED_PEER_REASON } from '../errors/seal-failure';
import { isPlainObject } from '../dto/validate-dto';
import { asPeerId, type PeerId } from '../ids/peer-id';
import { open } from '../seal/open';
import { seal } from '../seal/seal';
import type { SealPurpose } from '../seal/seal-protocol';
import type { SwarmMembership } from '../seal/swarm-membership';
import { httpError, parseJsonReply, type PeerHttp } from './peer-http';
import type { PhaseTimer } from './phase-timer';

export interface SealedCall {
  readonly path: string;
  readonly purpose: SealPurpose;
  /** What the reply must be sealed as. */
  readonly replyPurpose: SealPurpose;
  /** The request's wire body (JSON-serialisable). */
  readonly body: unknown;
  readonly timeoutMs: number;
  readonly signal?: AbortSignal | undefined;
}

/** An opened reply: its JSON body and the node that sealed it (proven by its signature). */
export interface SealedReply {
  readonly body: unknown;
  readonly senderId: PeerId;
  /** Sent on a kept-alive connection (see RawReply). */
  readonly reusedConnection?: boolean;
}

/**
 * One sealed request and its sealed reply: the request sealed with the swarm key and this node's
 * identity, the reply opened as the answer to that very request (`reply_to` = the request's nonce).
 * A peer that answers unsealed, or refuses the envelope as a protocol-1 node would, is a
 * FEDERATION_ERR_VERSION_MISMATCH that says how to pair the two nodes.
 */
export class SealedExchange {
  constructor(
    private readonly http: PeerHttp,
    private readonly membership: SwarmMembership,
    private readonly now: () => number,
  ) {}

  /** `timer` gets the phases `seal`, those of PeerHttp.exchange and `open` (the envelope parsed and opened, its body parsed). */
  async call(call: SealedCall, timer?: PhaseTimer): Promise<ClientResult<SealedReply>> {
    const { swarmKey, identity, replayCache, maxSkewMs } = this.membership;
    const envelope = seal({ body: JSON.stringify(call.body), swarmKey, identity, purpose: call.purpose, now: this.now() });
    timer?.end('seal');
    const reply = await this.http.exchange({ method: 'POST', path: call.path, body: envelope, timeoutMs: call.timeoutMs, signal: call.signal }, timer);
    if (!reply.ok) return reply;
    const { url, status, text } = reply.value;
    if (status >= 400) return { ok: false, error: this.#refusal(url, status, text) };
    const json = parseJsonReply(reply.value);
    if (!json.ok) return json;
    const opened = open(json.value.body, { swarmKey, replayCache, maxSkewMs, expectedPurpose: call.replyPurpose, replyTo: envelope.nonce, now: this.now() });
    if (!opened.ok) {
      const code = sealFailureCode(opened.code);
      if (code === FederationErrorCode.VERSION_MISMATCH) {
        const protocol = isPlainObject(json.value.body) ? json.value.body['protocol'] : undefined;
        return { ok: false, error: { code, message: `${url} ${UNSEALED_PEER_REASON}`, peerProtocol: typeof protocol === 'number' ? protocol : null } };
      }
      return { ok: false, error: sealFailureError(code, `${url}: ${opened.message}`, opened.code) };
    }
    const body = parseJsonReply({ url, status, text: opened.body });
    timer?.end('open');
    if (!body.ok) return body;
    return { ok: true, value: { body: body.value.body, senderId: asPeerId(opened.senderId), reusedConnection: reply.value.reusedConnection ?? false } };
  }

  /**
   * An error status. A paired peer names the seal failure in its error code; a protocol-1 node
   * has no POST health route (404/405) and finds no `protocol` in an envelope (400 invalid message).
   */
  #refusal(url: string, status: number, text: string): FederationClientError {
    const error = httpError(url, status, text);
    if (error.code !== FederationErrorCode.HTTP) return error;
    if (isSealFailureCode(error.peerCode)) return sealFailureError(error.peerCode, error.message, null);
    const unsealedRefusal = status === 404 || status === 405 || (status === 400 && error.peerCode === FederationErrorCode.INVALID_MESSAGE);
    if (unsealedRefusal) {
      return { code: FederationErrorCode.VERSION_MISMATCH, message: `${url} ${UNSEALED_PEER_REASON} (it answered HTTP ${status}: ${error.peerMessage ?? 'no message'})`, peerProtocol: null };
    }
    return error;
  }
}
