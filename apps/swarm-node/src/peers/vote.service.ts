import { clampVoteRequest, parseServableVoteRequest, toGenerationRequest, toVoteResponse } from '@local-swarm/federation';
import {
  FEDERATION_PROTOCOL_VERSION,
  FederationErrorCode,
  SEAL_PROTOCOL_VERSION,
  fitVoteReply,
  MAX_VOTE_REPLY_BYTES,
  PhaseTimer,
  voteResponseToWire,
  type ReceivedVoteRequest,
  type VoteResponseWire,
} from '@local-swarm/federation-protocol';
import { Inject, Injectable } from '@nestjs/common';
import type pino from 'pino';
import { APP_LOGGER, LOCAL_SWARM, NODE_SETTINGS, type LocalSwarm, type NodeSettings } from '../core/core.tokens';
import { OpenAiHttpError, openAiErrorFromSwarmFailure } from '../http/openai-error';
import { RequestEvents } from '../observability/request-events';
import { FEDERATION_OPTIONS, type FederationOptions } from './federation-options';

/** Who asks for a vote, and when they stop waiting. */
export interface VoteCall {
  /** The asking peer's IP address: its share of this node's queue is counted under it. */
  readonly clientIp: string;
  /** Fires when the asking node hangs up. */
  readonly signal: AbortSignal;
  /**
   * A sealed (protocol 2) request: the node id its envelope was signed by, which the request's
   * origin must be (no member votes in another's name). Absent: open federation, protocol 1.
   */
  readonly signer?: string;
  /** Milliseconds from the request's arrival (its headers read) to the route: body read and parsed, hooks (a log phase). */
  readonly receiveMs?: number;
  /** Milliseconds spent opening the sealed request before serve() was called (a log phase). */
  readonly openMs?: number;
  /** Seals the reply for the asking member (paired node); absent: the reply goes out as it is. */
  readonly seal?: (wire: VoteResponseWire) => object;
}

/**
 * Serves peers' vote requests with this node's own instances, within this node's own limits: a
 * peer cannot ask for more tokens than `maxTokensLimit` nor make the node work longer than its
 * `federation.voteTimeoutMs` (both clamped, see clampVoteRequest). Every vote, served or refused,
 * is a `vote-served` event, so metrics and the dashboard show the work peers ask of this node.
 */
@Injectable()
export class VoteService {
  constructor(
    @Inject(LOCAL_SWARM) private readonly swarm: LocalSwarm,
    @Inject(NODE_SETTINGS) private readonly settings: NodeSettings,
    @Inject(FEDERATION_OPTIONS) private readonly options: FederationOptions,
    @Inject(APP_LOGGER) private readonly logger: pino.Logger,
    private readonly events: RequestEvents,
  ) {}

  /** The reply to one vote request body, sealed when `call.seal` is given; throws an OpenAiHttpError when the vote is refused. */
  async serve(body: unknown, call: VoteCall): Promise<object> {
    const startedAt = Date.now();
    // Each phase by name in the "vote served" line, so a slow vote says where its time went.
    const timer = new PhaseTimer();
    if (call.receiveMs !== undefined) timer.add('receive', call.receiveMs);
    if (call.openMs !== undefined) timer.add('open', call.openMs);
    // Validates every field, the protocol version and the hop limit (a vote is never forwarded),
    // and refuses schemas and tool turns this node could serve only in part.
    const protocol = call.signer === undefined ? FEDERATION_PROTOCOL_VERSION : SEAL_PROTOCOL_VERSION;
    const parsed = parseServableVoteRequest(body, protocol);
    if (!parsed.ok) {
      const error = OpenAiHttpError.invalidRequest(parsed.error.message, parsed.error.param, parsed.error.code);
      this.#served(call, startedAt, null, null, 0, error);
      throw error;
    }
    const asked = parsed.value;
    const granted = clampVoteRequest(asked, { maxTokens: this.settings.maxTokensLimit, deadlineMs: this.options.config.voteTimeoutMs });
    timer.end('parse');
    try {
      const wire = await this.#generate(granted, call, startedAt, protocol, timer);
      const reply = call.seal?.(wire) ?? wire;
      if (call.seal !== undefined) timer.end('seal');
      const logFields = { requestId: granted.requestId, origin: granted.originNodeId, durationMs: Date.now() - startedAt };
      this.logger.info({ ...logFields, candidates: wire.votes.length, phases: timer.phases }, 'vote served');
      this.#served(call, startedAt, asked, granted, wire.votes.length, null);
      return reply;
    } catch (error: unknown) {
      this.#served(call, startedAt, asked, granted, 0, error);
      throw error;
    }
  }

  async #generate(request: ReceivedVoteRequest, call: VoteCall, startedAt: number, protocol: number, timer: PhaseTimer): Promise<VoteResponseWire> {
    if (request.originNodeId === this.options.nodeId) {
      throw OpenAiHttpError.invalidRequest('a node does not vote on its own requests', 'origin_node_id', 'self_vote');
    }
    if (call.signer !== undefined && request.originNodeId !== call.signer) {
      const message = `origin_node_id ${request.originNodeId} is not the node that signed the request (${call.signer})`;
      throw new OpenAiHttpError(403, 'permission_error', message, 'origin_node_id', FederationErrorCode.IDENTITY_MISMATCH);
    }
    const generation = { ...toGenerationRequest(request, this.swarm.info.instances, this.options.nodeId), clientKey: call.clientIp };
    // Tokenized once, by check(): generate() reuses the tokens of this very prompt object.
    const checked = this.swarm.check(generation);
    if (!checked.ok) throw openAiErrorFromSwarmFailure(checked.failure);
    timer.end('tokenize');

    // Stop when the asking node hangs up or the (clamped) deadline passes: nobody would read the votes.
    const signal = AbortSignal.any([call.signal, AbortSignal.timeout(request.deadlineMs)]);
    const outcome = await this.swarm.generate(generation, { signal, elapsedMs: () => Date.now() - startedAt });
    // Queue wait included: the swarm takes its instances inside generate().
    timer.end('generate');
    // The origin's request id, so one request can be followed through every node's log.
    const logFields = { requestId: request.requestId, origin: request.originNodeId, durationMs: Date.now() - startedAt };
    if (!outcome.ok) {
      this.logger.info({ ...logFields, code: outcome.failure.code }, 'vote refused');
      throw openAiErrorFromSwarmFailure(outcome.failure);
    }
    const fitted = fitVoteReply(voteResponseToWire(toVoteResponse(outcome, this.options.nodeId, this.swarm.info.modelId), protocol), MAX_VOTE_REPLY_BYTES);
    if (fitted.trimmed !== null) this.logger.warn({ ...logFields, trimmed: fitted.trimmed }, 'vote reply over the size a peer accepts: logprobs left out');
    timer.end('reply');
    return fitted.wire;
  }

  /** One `vote-served` event; a body that did not parse has no request id, origin or token count (empty, 0). */
  #served(call: VoteCall, startedAt: number, asked: ReceivedVoteRequest | null, granted: ReceivedVoteRequest | null, candidates: number, error: unknown): void {
    this.events.emit('vote-served', {
      requestId: asked?.requestId ?? '',
      originNodeId: asked?.originNodeId ?? '',
      clientIp: call.clientIp,
      candidates,
      durationMs: Date.now() - startedAt,
      maxTokensAsked: asked?.maxTokens ?? 0,
      maxTokensGranted: granted?.maxTokens ?? 0,
      error: error === null ? null : error instanceof OpenAiHttpError ? { status: error.status, code: error.code } : { status: 500, code: null },
    });
  }
}
