export {
  DEFAULT_PEER_TTL_MS,
  DEFAULT_QUERY_INTERVAL_MS,
  DISCOVERY_PROTOCOL_VERSION,
  MAX_INSTANCES,
  MAX_TXT_STRING_LENGTH,
  MIN_INSTANCES,
  SERVICE_TYPE,
  TxtKey,
} from './constants';
export { DiscoveryError, DiscoveryErrorCode } from './errors/discovery-error';
export { silentLogger, type Logger } from './logger/logger';
export type { PeerInfo, PeerLeftReason, SwarmInfo } from './peers/peer-info';
export type { DiscoveryOptions } from './service/discovery-options';
export {
  createDiscoveryService,
  SwarmDiscovery,
  type DiscoveryState,
  type SwarmDiscoveryEvents,
} from './service/swarm-discovery';
export { buildSwarmTxt } from './txt/build-swarm-txt';
export {
  parsePeerTxt,
  type PeerTxtFields,
  type PeerTxtInput,
  type PeerTxtRejection,
  type PeerTxtResult,
} from './txt/parse-peer-txt';
export { assessService } from './doctor/assess-service';
export { checkSelfAnnouncement } from './doctor/check-self-announcement';
export { checkVisibleServices, MDNS_BLOCKERS } from './doctor/firewall-hints';
export type { HealthProbe, HealthProbeResult } from './doctor/health-probe';
export { runMdnsSurvey, type MdnsSurvey, type MdnsSurveyDependencies, type MdnsSurveyOptions } from './doctor/mdns-survey';
export { runMdnsChecks } from './doctor/run-mdns-checks';
export type { SeenService } from './doctor/seen-service';
export type { AssessedService, ServiceAssessmentContext, ServiceBlockReason } from './doctor/service-assessment-context';
