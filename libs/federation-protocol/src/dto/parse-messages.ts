import { FederationErrorCode, type ParseResult } from '../errors/federation-error';
import { asModelId, asPeerId } from '../ids/peer-id';
import type { PeerHealth } from '../messages/peer-health';
import type { ReceivedVoteRequest, VotePrompt, VoteRequest } from '../messages/vote-request';
import type { PeerVote, VoteResponse } from '../messages/vote-response';
import { FEDERATION_LIMITS, FEDERATION_PROTOCOL_VERSION, MAX_VOTE_HOPS } from '../protocol/protocol-constants';
import { PeerHealthDto, type PeerHealthWire } from './peer-health.dto';
import { AddPeerDto, PeerStatusDto } from './peer-status.dto';
import { chatMessageFromWire, chatMessageProblem, chatMessageToWire } from './chat-message-wire';
import { requestFeaturesFromWire, requestFeaturesToWire } from './request-features-wire';
import { toolRequestProblem } from './tool-request-problem';
import { isPlainObject, validateDto } from './validate-dto';
import { voteExtrasFromWire, voteExtrasToWire } from './vote-extras-wire';
import { ChatPromptDto, VoteRequestDto, type PromptWire, type VoteRequestWire } from './vote-request.dto';
import { VoteResponseDto, type VoteResponseWire } from './vote-response.dto';

/**
 * Refuses a body of another protocol version before looking at its shape: a v2 message may be
 * valid v2 and "invalid" v1, and the caller should hear "upgrade", not "field x is wrong".
 */
function checkProtocol(body: unknown, expected: number): ParseResult<null> {
  if (!isPlainObject(body)) return { ok: true, value: null };
  const protocol = body['protocol'];
  const isVersion = typeof protocol === 'number' && Number.isInteger(protocol) && protocol >= 1;
  if (isVersion && protocol !== expected) {
    return {
      ok: false,
      error: {
        code: FederationErrorCode.VERSION_MISMATCH,
        message: `message speaks federation protocol ${protocol}, this node speaks ${expected}`,
        param: 'protocol',
      },
    };
  }
  return { ok: true, value: null };
}

/**
 * Parses the body of `POST /v1/federation/vote` as a peer receives it. Refuses another protocol
 * version (`FEDERATION_ERR_VERSION_MISMATCH`) and requests that were forwarded
 * (`hops` > MAX_VOTE_HOPS: `FEDERATION_ERR_HOPS_EXCEEDED`). The receiver serves the request
 * with its own instances only; it never forwards it.
 */
export function parseVoteRequest(body: unknown, protocol: number = FEDERATION_PROTOCOL_VERSION): ParseResult<ReceivedVoteRequest> {
  const version = checkProtocol(body, protocol);
  if (!version.ok) return version;
  const parsed = validateDto(VoteRequestDto, body);
  if (!parsed.ok) return parsed;
  const dto = parsed.value;
  if (dto.hops > MAX_VOTE_HOPS) {
    return {
      ok: false,
      error: {
        code: FederationErrorCode.HOPS_EXCEEDED,
        message: `vote request made ${dto.hops} hops, at most ${MAX_VOTE_HOPS} allowed: peers never forward vote requests`,
        param: 'hops',
      },
    };
  }
  if (dto.prompt instanceof ChatPromptDto) {
    const problem = dto.prompt.messages.map(chatMessageProblem).find((found) => found !== null);
    if (problem !== undefined && problem !== null) {
      return { ok: false, error: { code: FederationErrorCode.INVALID_MESSAGE, message: `${problem.param}: ${problem.message}`, param: problem.param } };
    }
  }
  const toolProblem = dto.tools == null ? null : toolRequestProblem(dto.tools);
  if (toolProblem !== null) {
    return { ok: false, error: { code: FederationErrorCode.INVALID_MESSAGE, message: `${toolProblem.param}: ${toolProblem.message}`, param: toolProblem.param } };
  }
  const prompt: VotePrompt =
    dto.prompt instanceof ChatPromptDto ? { kind: 'chat', messages: dto.prompt.messages.map(chatMessageFromWire) } : { kind: 'text', text: dto.prompt.text };
  return {
    ok: true,
    value: {
      protocol: dto.protocol,
      requestId: dto.request_id,
      originNodeId: asPeerId(dto.origin_node_id),
      hops: dto.hops,
      deadlineMs: dto.deadline_ms,
      prompt,
      maxTokens: dto.max_tokens,
      // Optional fields: absent and null both mean "not given" (OpenAI clients often send null).
      ...(dto.temperature != null && { temperature: dto.temperature }),
      ...(dto.top_p != null && { topP: dto.top_p }),
      ...(dto.seed != null && { seed: dto.seed }),
      ...(dto.stop != null && { stop: [...dto.stop] }),
      ...(dto.json != null && { json: dto.json }),
      ...requestFeaturesFromWire(dto),
      ...(dto.candidates != null && { candidates: dto.candidates }),
    },
  };
}

/** Parses a peer's reply to a vote request (protocol version checked first). */
export function parseVoteResponse(body: unknown, protocol: number = FEDERATION_PROTOCOL_VERSION): ParseResult<VoteResponse> {
  const version = checkProtocol(body, protocol);
  if (!version.ok) return version;
  const parsed = validateDto(VoteResponseDto, body);
  if (!parsed.ok) return parsed;
  const dto = parsed.value;
  return {
    ok: true,
    value: {
      protocol: dto.protocol,
      nodeId: asPeerId(dto.node_id),
      modelId: asModelId(dto.model_id),
      votes: dto.votes.map(
        (vote): PeerVote => ({
          text: vote.text,
          score: vote.score,
          finishReason: vote.finish_reason,
          completionTokens: vote.completion_tokens,
          latencyMs: vote.latency_ms,
          nodeId: asPeerId(vote.node_id),
          modelId: asModelId(vote.model_id),
          sequence: vote.sequence,
          ...voteExtrasFromWire(vote),
        }),
      ),
      usage: { promptTokens: dto.usage.prompt_tokens, completionTokens: dto.usage.completion_tokens },
    },
  };
}

/** Parses a peer's reply to `GET /v1/federation/health` (protocol version checked first). */
export function parsePeerHealth(body: unknown, protocol: number = FEDERATION_PROTOCOL_VERSION): ParseResult<PeerHealth> {
  const version = checkProtocol(body, protocol);
  if (!version.ok) return version;
  const parsed = validateDto(PeerHealthDto, body);
  if (!parsed.ok) return parsed;
  const dto = parsed.value;
  return {
    ok: true,
    value: {
      nodeId: asPeerId(dto.node_id),
      version: dto.version,
      protocol: dto.protocol,
      modelId: asModelId(dto.model_id),
      ...(dto.model_sha256 !== undefined ? { modelSha256: dto.model_sha256.toLowerCase() } : {}),
      instances: dto.instances,
      load: {
        busyInstances: dto.load.busy_instances,
        capacity: dto.load.capacity,
        queuedRequests: dto.load.queued_requests,
        maxQueue: dto.load.max_queue,
      },
    },
  };
}

/** Validates one `GET /v1/federation/peers` item (for clients of that endpoint and for tests). */
export function parsePeerStatus(body: unknown): ParseResult<PeerStatusDto> {
  return validateDto(PeerStatusDto, body);
}

/** Validates the body of `POST /v1/federation/peers`; pass `value.address` to parsePeerAddress. */
export function parseAddPeer(body: unknown): ParseResult<AddPeerDto> {
  return validateDto(AddPeerDto, body);
}

/**
 * The wire body of a vote request. `deadlineMs` is what the peer is told; it is rounded up to
 * an integer and clamped to 1..600000 (FEDERATION_LIMITS.deadlineMsMax).
 */
export function voteRequestToWire(request: VoteRequest, deadlineMs: number, protocol: number = FEDERATION_PROTOCOL_VERSION): VoteRequestWire {
  const prompt: PromptWire =
    request.prompt.kind === 'chat'
      ? { kind: 'chat', messages: request.prompt.messages.map(chatMessageToWire) }
      : { kind: 'text', text: request.prompt.text };
  return {
    protocol,
    request_id: request.requestId,
    origin_node_id: request.originNodeId,
    hops: request.hops ?? 1,
    deadline_ms: Math.min(FEDERATION_LIMITS.deadlineMsMax, Math.max(1, Math.ceil(deadlineMs))),
    prompt,
    max_tokens: request.maxTokens,
    ...(request.temperature !== undefined && { temperature: request.temperature }),
    ...(request.topP !== undefined && { top_p: request.topP }),
    ...(request.seed !== undefined && { seed: request.seed }),
    ...(request.stop !== undefined && { stop: [...request.stop] }),
    ...(request.json !== undefined && { json: request.json }),
    ...requestFeaturesToWire(request),
    ...(request.candidates !== undefined && { candidates: request.candidates }),
  };
}

/** The wire body of a vote reply (for the peer's controller). */
export function voteResponseToWire(response: Omit<VoteResponse, 'protocol'>, protocol: number = FEDERATION_PROTOCOL_VERSION): VoteResponseWire {
  return {
    protocol,
    node_id: response.nodeId,
    model_id: response.modelId,
    votes: response.votes.map((vote) => ({
      text: vote.text,
      score: vote.score,
      finish_reason: vote.finishReason,
      completion_tokens: vote.completionTokens,
      latency_ms: vote.latencyMs,
      node_id: vote.nodeId,
      model_id: vote.modelId,
      sequence: vote.sequence,
      ...voteExtrasToWire(vote),
    })),
    usage: { prompt_tokens: response.usage.promptTokens, completion_tokens: response.usage.completionTokens },
  };
}

/** The wire body of a health reply (for the peer's controller). */
export function peerHealthToWire(health: Omit<PeerHealth, 'protocol'>, protocol: number = FEDERATION_PROTOCOL_VERSION): PeerHealthWire {
  return {
    node_id: health.nodeId,
    version: health.version,
    protocol,
    model_id: health.modelId,
    ...(health.modelSha256 !== undefined ? { model_sha256: health.modelSha256 } : {}),
    instances: health.instances,
    load: {
      busy_instances: health.load.busyInstances,
      capacity: health.load.capacity,
      queued_requests: health.load.queuedRequests,
      max_queue: health.load.maxQueue,
    },
  };
}

