// Protocol
export {
  DEFAULT_FEDERATION_PORT,
  FEDERATION_LIMITS,
  FEDERATION_PATHS,
  FEDERATION_PROTOCOL_VERSION,
  MAX_VOTE_HOPS,
} from './protocol/protocol-constants';

// Ids
export {
  asModelId,
  asPeerId,
  formatHostPort,
  isProvisionalPeerId,
  manualPeerId,
  openAiPeerId,
  type ModelId,
  type PeerId,
} from './ids/peer-id';

// Errors
export {
  FederationErrorCode,
  type ClientResult,
  type FederationClientError,
  type FederationParseError,
  type ParseResult,
} from './errors/federation-error';

// Logger
export { silentFederationLogger, type FederationLogger } from './logger/federation-logger';

// Messages (camelCase domain values)
export type { HealthReport, PeerHealth, PeerLoad } from './messages/peer-health';
export { PEER_SOURCES, PEER_STATUSES, type PeerSource, type PeerStatus } from './messages/peer-status';
export type {
  ReceivedVoteRequest,
  VoteChatMessage,
  VoteChatRole,
  VotePrompt,
  VoteRequest,
} from './messages/vote-request';
export type { PeerVote, VoteFinishReason, VoteResponse, VoteUsage } from './messages/vote-response';
export type { OpenAiChoice, OpenAiCompletion, OpenAiCompletionRequest } from './messages/openai-completion';

// DTOs (snake_case wire messages, class-validator) and parsing
export {
  ChatMessageDto,
  ChatPromptDto,
  PromptDto,
  TextPromptDto,
  VoteRequestDto,
  type ChatMessageWire,
  type PromptWire,
  type VoteRequestWire,
} from './dto/vote-request.dto';
export {
  PeerVoteDto,
  VoteResponseDto,
  VoteUsageDto,
  type PeerVoteWire,
  type VoteResponseWire,
  type VoteUsageWire,
} from './dto/vote-response.dto';
export { PeerHealthDto, PeerLoadDto, SHA256_HEX, type PeerHealthWire, type PeerLoadWire } from './dto/peer-health.dto';
export { AddPeerDto, PeerStatusDto, type PeerStatusWire } from './dto/peer-status.dto';
export { MaxUtf8Bytes } from './dto/max-utf8-bytes';
export { exceedsJsonDepth, MAX_JSON_DEPTH } from './dto/json-depth';
export {
  parseAddPeer,
  parsePeerHealth,
  parsePeerStatus,
  parseVoteRequest,
  parseVoteResponse,
  peerHealthToWire,
  voteRequestToWire,
  voteResponseToWire,
} from './dto/parse-messages';
export { parsePeerAddress, type PeerAddress, type PeerAddressResult } from './address/parse-peer-address';
export { CLOUD_METADATA_ADDRESSES, peerAddressRefusal, type PeerAddressPolicy } from './address/peer-address-policy';

// Clients
export {
  FederationClient,
  type FederationClientOptions,
  type HealthOptions,
  type RequestVoteOptions,
  type TimedPeerHealth,
} from './client/federation-client';
export { OpenAiPeerClient, type CompleteOptions, type OpenAiPeerClientOptions } from './client/openai-peer-client';
export { DEFAULT_MAX_REQUEST_BYTES, DEFAULT_MAX_RESPONSE_BYTES, type PeerConnectOptions } from './client/peer-http';
export { systemHostResolver, type HostResolver } from './client/guarded-lookup';
