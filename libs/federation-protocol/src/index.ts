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
export {
  isSealFailureCode,
  SEALED_PEER_REASON,
  sealFailureCode,
  type SealFailureCode,
  UNSEALED_PEER_REASON,
} from './errors/seal-failure';

// Logger
export { silentFederationLogger, type FederationLogger } from './logger/federation-logger';

// Messages (camelCase domain values)
export type { HealthReport, PeerHealth, PeerLoad } from './messages/peer-health';
export { PEER_SOURCES, PEER_STATUSES, PEER_TRUSTS, type PeerSource, type PeerStatus, type PeerTrustWire } from './messages/peer-status';
export type {
  ReceivedVoteRequest,
  VoteChatMessage,
  VoteChatRole,
  VoteToolCall,
  VotePrompt,
  VoteRequest,
} from './messages/vote-request';
export type { PeerVote, VoteFinishReason, VoteResponse, VoteToolCallProposal, VoteUsage } from './messages/vote-response';
export type { VoteJsonSchema, VoteOutputFormat } from './messages/vote-output-format';
export type { VoteTool, VoteToolChoice, VoteToolRequest } from './messages/vote-tool-request';
export type { VoteSamplingControls } from './messages/vote-sampling-controls';
export type { VoteTokenLogprob, VoteTopLogprob } from './messages/vote-token-logprob';
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
export { OutputFormatDto, type OutputFormatWire } from './dto/output-format.dto';
export { FunctionToolDto, ToolRequestDto, type FunctionToolWire, type ToolRequestWire } from './dto/tool-request.dto';
export { LogprobsRequestDto, SamplingControlsDto, type SamplingControlsWire } from './dto/sampling-controls.dto';
export { TokenLogprobDto, TopLogprobDto, type TokenLogprobWire, type TopLogprobWire } from './dto/token-logprob.dto';
export { fitVoteReply, MAX_VOTE_REPLY_BYTES, type FittedVoteReply } from './dto/fit-vote-reply';
export { ProposedToolCallDto, type ProposedToolCallWire } from './dto/proposed-tool-call.dto';
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
  type VoteCallTiming,
} from './client/federation-client';
export { PhaseTimer, type PhaseTimes } from './client/phase-timer';
export { OpenAiPeerClient, type CompleteOptions, type OpenAiPeerClientOptions } from './client/openai-peer-client';
export { DEFAULT_MAX_REQUEST_BYTES, DEFAULT_MAX_RESPONSE_BYTES, type PeerConnectOptions } from './client/peer-http';
export { systemHostResolver, type HostResolver } from './client/guarded-lookup';
export type { PeerTlsOptions } from './client/peer-agents';

// Node identity and keys (files 0600, refused when group or others may read them)
export { KeyFileErrorCode, type KeyFileError, type KeyFileResult } from './identity/key-file-error';
export { readPrivateFile, type PrivateFileIo } from './identity/private-file';
export {
  ED25519_PUBLIC_KEY_BYTES,
  NODE_ID_PATTERN,
  nodeIdOf,
  rawPublicKeyOf,
  verifyNodeId,
} from './identity/node-id';
export {
  generateNodeIdentity,
  loadOrCreateNodeIdentity,
  NODE_KEY_FILE_NAME,
  nodeIdentityFromPrivateKey,
  type LoadedNodeIdentity,
  type NodeIdentity,
} from './identity/node-identity';
export { newSwarmKey, SWARM_KEY_BYTES, SwarmKey } from './seal/swarm-key';
export { KEY_ID_DERIVATION, swarmKeyId } from './seal/swarm-key-id';
export {
  formatSwarmKey,
  parseSwarmKey,
  readSwarmKeyFile,
  SWARM_KEY_FILE_NAME,
  writeSwarmKeyFile,
} from './seal/swarm-key-file';
export { formatJoinString, JOIN_STRING_PREFIX, parseJoinString } from './seal/join-string';

// Sealed messages (protocol 2)
export {
  DEFAULT_MAX_SKEW_MS,
  SEAL_KEY_DERIVATION,
  SEAL_LIMITS,
  SEAL_PROTOCOL_VERSION,
  SEAL_PURPOSES,
  SEAL_SIGNATURE_CONTEXT,
  type SealPurpose,
} from './seal/seal-protocol';
export type { SealedEnvelope, SealHeader } from './seal/sealed-envelope';
export { seal, type SealInput } from './seal/seal';
export { open, type OpenOptions } from './seal/open';
export { SealErrorCode, type OpenedMessage, type OpenResult, type SealOpenError } from './seal/seal-error';
export { ReplayCache, type ReplayCacheOptions, type ReplayCheck } from './seal/replay-cache';
export { swarmMembership, type SwarmMembership } from './seal/swarm-membership';
