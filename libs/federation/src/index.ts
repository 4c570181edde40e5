// The node's federated swarm (vote / balance over this node and its healthy peers)
export { FEDERATION_MODES, isFederationMode, type FederationMode } from './federated-swarm/federation-mode';
export {
  FederatedSwarm,
  type FederationPlan,
  type FederationResult,
  type FederationWeights,
  type FederationGrouping,
  type GenerateWithFederationOptions,
} from './federated-swarm/federated-swarm';
export { loadScore } from './federated-swarm/load-score';
export type { NodeLoad } from './federated-swarm/node-load';
export { NO_REMOTE_PEERS, type RemoteParticipant, type RemotePeers } from './federated-swarm/remote-peers';

// weighted_vote weights learned from agreement, kept in the node's config dir
export { isSourceWeightsMode, SOURCE_WEIGHTS_MODES, type SourceWeightsMode } from './learned-weights/source-weights-mode';
export type { SourceWeightLearning } from './learned-weights/source-weight-learning';
export { LEARNED_WEIGHTS_FILE_NAME, MAX_LEARNED_WEIGHTS_FILE_BYTES } from './learned-weights/learned-weights-file';
export {
  DEFAULT_LEARNED_WEIGHTS_SAVE_INTERVAL_MS,
  PersistedLearnedWeights,
  type LearnedSourceStanding,
  type PersistedLearnedWeightsOptions,
} from './learned-weights/persisted-learned-weights';

// Peers: registry, health checks, and the directory that owns both
export { TypedEventEmitter, type EventMap, type Listener } from './events/typed-event-emitter';
export type { PeerSnapshot } from './registry/peer-snapshot';
export { peerSnapshotToWire } from './registry/peer-snapshot-to-wire';
export { modelFileConflict, type LocalModel } from './registry/model-file-conflict';
export {
  PeerRegistry,
  type AddManualResult,
  type DiscoveredPeer,
  type PeerRegistryEvents,
  type PeerRegistryOptions,
  type PeerRemovalReason,
} from './registry/peer-registry';
export {
  HealthMonitor,
  type HealthChecker,
  type HealthMonitorEvents,
  type HealthMonitorOptions,
  type HealthMonitorState,
  type IntervalTimers,
} from './health/health-monitor';
export { countsAgainstPeer } from './health/counts-against-peer';
export {
  PeerDirectory,
  type AddPeerOutcome,
  type PeerDirectoryOptions,
  type PeerDirectorySettings,
  type VoteFailure,
} from './peer-directory/peer-directory';
export type { PeerChange } from './peer-directory/peer-change';
export type { PeerCounts } from './peer-directory/peer-counts';
export {
  OPEN_TRUST_POLICY,
  trustOfDiscovered,
  type PeerTrust,
  type PeerTrustPolicy,
  type TrustVerdict,
  type UntrustedPeer,
} from './peer-directory/peer-trust';

// Candidate sources that reach peers
export { OpenAiPeerSource } from './sources/openai-peer-source';
export { PeerCandidateSource } from './sources/peer-candidate-source';
export type { PeerCallObserver } from './sources/peer-call-observer';

// Requests and replies between this node's swarm and the wire
export { clampVoteRequest, type VoteLimits } from './mapping/clamp-vote-request';
export { logitBiasExclusion } from './mapping/logit-bias-exclusion';
export { parseServableVoteRequest } from './mapping/servable-vote-request';
export { replyCandidateProblem } from './mapping/reply-candidate-problem';
export { screenReplyCandidates } from './mapping/screen-reply-candidates';
export { nodeSeed } from './mapping/node-seed';
export { samplingFields, type SamplingFields } from './mapping/sampling-fields';
export { toGenerationRequest } from './mapping/to-generation-request';
export { toOpenAiCompletionRequest } from './mapping/to-openai-completion-request';
export { toPeerHealth } from './mapping/to-peer-health';
export { toVoteRequest } from './mapping/to-vote-request';
export { toVoteResponse, type GeneratedVotes } from './mapping/to-vote-response';

// Who judges the judged strategies: a judge peer, or this node
export { judgeFor } from './judge/judge-for';
export { judgeWithFallback } from './judge/judge-with-fallback';
