import {
  FederationErrorCode,
  open,
  seal,
  sealFailureCode,
  SealErrorCode,
  UNSEALED_PEER_REASON,
  type OpenedMessage,
  type SealedEnvelope,
  type SealPurpose,
  type SwarmMembership,
} from '@local-swarm/federation-protocol';
import type pino from 'pino';
import { OpenAiHttpError } from '../http/openai-error';

/** Refusals that say "you are not one of us" rather than "your message is broken". */
const NOT_ONE_OF_US: ReadonlySet<SealErrorCode> = new Set([SealErrorCode.NOT_MEMBER, SealErrorCode.BAD_SIGNATURE, SealErrorCode.BAD_SENDER_ID]);

/**
 * The server side of sealed protocol 2 for a paired node: opens a peer's request (with the
 * node's one replay cache, so a captured request is accepted once) and seals the reply to it.
 * A refusal is an OpenAI-shaped error naming the seal failure and one log line saying why,
 * never the envelope.
 */
export class SealedFederation {
  constructor(
    private readonly membership: SwarmMembership,
    private readonly logger: pino.Logger,
    private readonly isBlocked: (nodeId: string) => boolean = () => false,
  ) {}

  /** The opened request; throws a 400 (403 for a non-member or a forgery) when it is refused. */
  open(body: unknown, purpose: SealPurpose, route: string): OpenedMessage {
    const { swarmKey, replayCache, maxSkewMs } = this.membership;
    const opened = open(body, { swarmKey, replayCache, maxSkewMs, expectedPurpose: purpose });
    if (opened.ok && this.isBlocked(opened.senderId)) {
      // A member that was blocked (maybe a stolen or retired machine) still holds the key: its
      // proven id is what refuses it.
      this.logger.warn(`sealed ${route} refused: blocked: ${opened.senderId} is on this node's block list`);
      throw new OpenAiHttpError(403, 'permission_error', "the sender is on this node's block list", null, 'peer_blocked');
    }
    if (opened.ok) return opened;
    const code = sealFailureCode(opened.code);
    const message = code === FederationErrorCode.VERSION_MISMATCH ? `the peer ${UNSEALED_PEER_REASON}` : opened.message;
    this.logger.warn(`sealed ${route} refused: ${opened.code}: ${message}`);
    const status = NOT_ONE_OF_US.has(opened.code) ? 403 : 400;
    throw new OpenAiHttpError(status, status === 403 ? 'permission_error' : 'invalid_request_error', message, null, code);
  }

  /** The opened body as JSON; a sealed body that is not JSON is the sender's bug, refused. */
  json(opened: OpenedMessage): unknown {
    try {
      return JSON.parse(opened.body) as unknown;
    } catch {
      throw OpenAiHttpError.invalidRequest('the sealed body is not JSON', null, FederationErrorCode.INVALID_MESSAGE);
    }
  }

  /** A reply sealed for the sender of `request` only (`reply_to` = its nonce). */
  reply(wire: object, purpose: SealPurpose, request: OpenedMessage): SealedEnvelope {
    const { swarmKey, identity } = this.membership;
    return seal({ body: JSON.stringify(wire), swarmKey, identity, purpose, replyTo: request.nonce });
  }
}
