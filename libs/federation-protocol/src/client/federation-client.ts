import { parsePeerHealth, parseVoteResponse, voteRequestToWire } from '../dto/parse-messages';
import { isPlainObject, validateDto } from '../dto/validate-dto';
import { VoteRequestDto } from '../dto/vote-request.dto';
import {
  FederationErrorCode,
  type ClientResult,
  type FederationClientError,
  type FederationParseError,
} from '../errors/federation-error';
import type { PeerId } from '../ids/peer-id';
import { silentFederationLogger, type FederationLogger } from '../logger/federation-logger';
import type { PeerHealth } from '../messages/peer-health';
import type { VoteRequest } from '../messages/vote-request';
import type { VoteResponse } from '../messages/vote-response';
import { FEDERATION_PATHS, FEDERATION_PROTOCOL_VERSION } from '../protocol/protocol-constants';
import { SEAL_LIMITS, SEAL_PROTOCOL_VERSION } from '../seal/seal-protocol';
import type { SwarmMembership } from '../seal/swarm-membership';
import { connectOptionsOf, DEFAULT_MAX_REQUEST_BYTES, DEFAULT_MAX_RESPONSE_BYTES, PeerHttp, type JsonReply, type PeerConnectOptions } from './peer-http';
import { checkBaseUrl } from './check-base-url';
import { PhaseTimer, type PhaseTimes } from './phase-timer';
import { SealedExchange, type SealedReply } from './sealed-exchange';
import { SEALED_PEER_REASON } from '../errors/seal-failure';

export interface FederationClientOptions extends PeerConnectOptions {
  /** The peer's API root, e.g. `http://192.168.1.101:17615` (no path: the client adds /v1/federation/…). */
  readonly baseUrl: string;
  /** Timeout of health() calls that name none. Default 1500 ms. */
  readonly timeoutMs?: number;
  /** Largest reply body accepted; larger ones end in FEDERATION_ERR_TOO_LARGE. Default 4 MiB. */
  readonly maxResponseBytes?: number;
  /** Largest request body sent (axios `maxBodyLength`). Default 4 MiB. */
  readonly maxRequestBytes?: number;
  /**
   * How much sooner than our own deadline the peer is told to finish (`deadline_ms` on the wire),
   * so its reply, with whatever votes it has, travels back before we stop waiting. Default 200 ms;
   * never more than half the deadline.
   */
  readonly replyMarginMs?: number;
  /** Default: a silent logger. */
  readonly logger?: FederationLogger;
  /**
   * This node's swarm membership: votes and health checks are then sealed protocol 2 only, and
   * the peer's node id is the one its replies are signed with. Null or absent: open federation
   * (unsealed protocol 1).
   */
  readonly membership?: SwarmMembership | null;
  /** Clock of sealed messages (ms since the epoch). Default `Date.now`. */
  readonly now?: () => number;
}

export interface RequestVoteOptions {
  /** Aborts the call (FEDERATION_ERR_ABORTED). */
  readonly signal?: AbortSignal;
  /** Milliseconds to wait for the reply (FEDERATION_ERR_TIMEOUT after). */
  readonly deadlineMs: number;
  /** Node id we believe the peer has (from the registry); a reply naming another is logged. */
  readonly expectedNodeId?: PeerId;
  /** Told, after a valid reply, where the call's time went (see VoteCallTiming). */
  readonly onTiming?: (timing: VoteCallTiming) => void;
}

/**
 * Where one answered vote call's time went on the asking side: `build` (wire body and its
 * check), `seal` (sealed only), `connect` (a socket ready: about 0 on a kept-alive one),
 * `headers` (the request sent, the peer's work, the reply's headers back), `body` (the reply
 * read), `parse`
 * (open: the reply's JSON) or `open` (sealed: the envelope opened, its body parsed), `validate`
 * (the reply's DTOs); and whether it rode a kept-alive connection.
 */
export interface VoteCallTiming {
  readonly phases: PhaseTimes;
  readonly reusedConnection: boolean;
}

export interface HealthOptions {
  readonly signal?: AbortSignal;
  /** Default: the client's `timeoutMs`. */
  readonly timeoutMs?: number;
}

/** A health reply with the round-trip time it took. */
export type TimedPeerHealth = PeerHealth & { readonly rttMs: number };

const DEFAULT_TIMEOUT_MS = 1500;
const DEFAULT_REPLY_MARGIN_MS = 200;

/**
 * HTTP client for one federation peer. Every reply is validated with the DTOs; every failure
 * (down, slow, garbage, too large, other version, error status, caller abort) comes back as a
 * `{ ok: false, error }` value with a stable code. It never throws for peer failures.
 */
export class FederationClient {
  readonly #http: PeerHttp;
  readonly #timeoutMs: number;
  readonly #replyMarginMs: number;
  readonly #logger: FederationLogger;
  /** Null: open federation. */
  readonly #sealed: SealedExchange | null;

  constructor(options: FederationClientOptions) {
    const baseUrl = checkBaseUrl(options.baseUrl, 'FederationClient', ['http:']);
    const membership = options.membership ?? null;
    // A sealed message is base64url of the wire body plus its header: the largest one must fit.
    const envelopeFloor = membership === null ? 0 : SEAL_LIMITS.maxEnvelopeBytes;
    this.#http = new PeerHttp({
      ...connectOptionsOf(options),
      baseUrl,
      maxResponseBytes: Math.max(envelopeFloor, options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES),
      maxRequestBytes: Math.max(envelopeFloor, options.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES),
    });
    this.#sealed = membership === null ? null : new SealedExchange(this.#http, membership, options.now ?? Date.now);
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.#replyMarginMs = options.replyMarginMs ?? DEFAULT_REPLY_MARGIN_MS;
    this.#logger = options.logger ?? silentFederationLogger;
  }

  get baseUrl(): string {
    return this.#http.baseUrl;
  }

  /** Whether this client speaks sealed protocol 2 (a paired node) rather than open protocol 1. */
  get sealed(): boolean {
    return this.#sealed !== null;
  }

  /** Asks the peer for votes: `POST /v1/federation/vote`, sealed (`vote-request`/`vote-reply`) when paired. */
  async requestVote(request: VoteRequest, options: RequestVoteOptions): Promise<ClientResult<VoteResponse>> {
    const { deadlineMs } = options;
    if (Number.isNaN(deadlineMs)) throw new RangeError('requestVote: deadlineMs is NaN');
    if (deadlineMs <= 0) {
      // The caller's time is already up (deadline minus elapsed): nothing to ask.
      const message = `vote request to ${this.baseUrl} not sent: deadline already passed`;
      return this.#failed('vote', { code: FederationErrorCode.TIMEOUT, message, timeoutMs: deadlineMs });
    }
    const timer = new PhaseTimer();
    const margin = Math.min(this.#replyMarginMs, deadlineMs / 2);
    const body = voteRequestToWire(request, deadlineMs - margin, this.#protocol);
    // Check what we send with the peer's own rules: a bad request is our bug, reported as such
    // rather than as an HTTP 400 from every peer.
    const outgoing = validateDto(VoteRequestDto, body);
    if (!outgoing.ok) {
      return {
        ok: false,
        error: {
          code: FederationErrorCode.INVALID_MESSAGE,
          message: `vote request not sent to ${this.baseUrl}: ${outgoing.error.message}`,
          param: outgoing.error.param,
        },
      };
    }
    timer.end('build');
    const call = { path: FEDERATION_PATHS.vote, body, timeoutMs: deadlineMs, signal: options.signal };
    const reply = this.#sealed === null
      ? await this.#http.send({ ...call, method: 'POST' }, timer)
      : await this.#sealed.call({ ...call, purpose: 'vote-request', replyPurpose: 'vote-reply' }, timer);
    if (!reply.ok) return this.#failed('vote', reply.error);
    const parsed = parseVoteResponse(reply.value.body, this.#protocol);
    timer.end('validate');
    if (!parsed.ok) return this.#failed('vote', replyError(this.baseUrl, 'vote', parsed.error, reply.value));
    const signer = this.#signerMismatch(reply.value, parsed.value.nodeId);
    if (signer !== null) return this.#failed('vote', signer);
    this.#noteForeignVotes(parsed.value, options.expectedNodeId);
    options.onTiming?.({ phases: timer.phases, reusedConnection: reply.value.reusedConnection ?? false });
    return parsed;
  }

  /** Checks the peer, timed: `GET /v1/federation/health`, or a sealed `POST` (`health-request`/`health-reply`) when paired. */
  async health(options: HealthOptions = {}): Promise<ClientResult<TimedPeerHealth>> {
    const started = performance.now();
    const call = { path: FEDERATION_PATHS.health, timeoutMs: options.timeoutMs ?? this.#timeoutMs, signal: options.signal };
    const reply = this.#sealed === null
      ? await this.#http.send({ ...call, method: 'GET' })
      : await this.#sealed.call({ ...call, body: {}, purpose: 'health-request', replyPurpose: 'health-reply' });
    const rttMs = performance.now() - started;
    if (!reply.ok) return this.#failed('health', reply.error);
    const parsed = parsePeerHealth(reply.value.body, this.#protocol);
    if (!parsed.ok) return this.#failed('health', replyError(this.baseUrl, 'health', parsed.error, reply.value));
    const signer = this.#signerMismatch(reply.value, parsed.value.nodeId);
    if (signer !== null) return this.#failed('health', signer);
    return { ok: true, value: { ...parsed.value, rttMs } };
  }

  get #protocol(): number {
    return this.#sealed === null ? FEDERATION_PROTOCOL_VERSION : SEAL_PROTOCOL_VERSION;
  }

  /**
   * A sealed reply must name the node that signed it: a member cannot speak for another (its id
   * derives from its key). The registry then refuses a TXT record naming another id than this
   * proven one (IDENTITY_MISMATCH), and re-keys a manual entry to it.
   */
  #signerMismatch(reply: JsonReply | SealedReply, claimed: PeerId): FederationClientError | null {
    if (!('senderId' in reply) || reply.senderId === claimed) return null;
    return {
      code: FederationErrorCode.IDENTITY_MISMATCH,
      message: `${this.baseUrl} claims node id ${claimed} but its reply is signed by ${reply.senderId}`,
    };
  }

  #failed<T>(call: string, error: FederationClientError): ClientResult<T> {
    this.#logger.debug(`federation ${call} call failed`, { peer: this.baseUrl, code: error.code, reason: error.message });
    return { ok: false, error };
  }

  /**
   * Votes naming another node than the peer we asked are accepted (a node may relay a pooled
   * backend's work under the backend's id), but worth a line in the log.
   */
  #noteForeignVotes(response: VoteResponse, expected: PeerId | undefined): void {
    const owner = expected ?? response.nodeId;
    if (expected !== undefined && response.nodeId !== expected) {
      this.#logger.warn('federation peer answered under another node id', {
        peer: this.baseUrl,
        expectedNodeId: expected,
        nodeId: response.nodeId,
      });
    }
    const foreign = [...new Set(response.votes.map((vote) => vote.nodeId).filter((id) => id !== owner))];
    if (foreign.length > 0) {
      this.#logger.info('federation peer returned votes of other node ids', {
        peer: this.baseUrl,
        nodeId: owner,
        voteNodeIds: foreign,
      });
    }
  }
}

function replyError(baseUrl: string, call: string, error: FederationParseError, reply: JsonReply | SealedReply): FederationClientError {
  const { body } = reply;
  const status = 'status' in reply ? reply.status : 200;
  if (error.code === FederationErrorCode.VERSION_MISMATCH) {
    const protocol = isPlainObject(body) ? body['protocol'] : undefined;
    const peerProtocol = typeof protocol === 'number' ? protocol : null;
    // An open node asking a paired one: say how to pair them, not only which numbers differ.
    const pairedPeer = !('senderId' in reply) && peerProtocol === SEAL_PROTOCOL_VERSION;
    return {
      code: FederationErrorCode.VERSION_MISMATCH,
      message: pairedPeer ? `${baseUrl} ${SEALED_PEER_REASON}` : `${baseUrl}: ${error.message}`,
      peerProtocol,
    };
  }
  return {
    code: FederationErrorCode.BAD_REPLY,
    message: `${baseUrl} sent an invalid ${call} reply: ${error.message}`,
    param: error.param,
    status,
  };
}
