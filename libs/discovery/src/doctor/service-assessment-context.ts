import type { PeerTxtFields } from '../txt/parse-peer-txt';
import type { HealthProbe } from './health-probe';
import type { SeenService } from './seen-service';

/** A service whose TXT parsed, as a block-reason hook sees it. */
export interface AssessedService {
  readonly service: SeenService;
  readonly fields: PeerTxtFields;
  /** TXT `key_id`, when the service advertises one. */
  readonly keyId: string | null;
}

/**
 * Why pairing would refuse this service (e.g. its key is not one of ours), or null. Asked only for
 * a service from another swarm (a `key_id` differing from ours).
 */
export type ServiceBlockReason = (assessed: AssessedService) => string | null;

/** What judging one service needs: this node's own values, and the probes. */
export interface ServiceAssessmentContext {
  /** This node's federation protocol version (the sealed one when it is paired). */
  readonly ownProtocol: number;
  /**
   * The unsealed protocol of open federation (`--federation-open`), when it differs from
   * ownProtocol: such a node is seen, but a paired node never asks it.
   */
  readonly openProtocol?: number;
  /** This node's pairing key id; null when it has none (then `key_id` is not compared). */
  readonly ownKeyId: string | null;
  readonly blockReasons: readonly ServiceBlockReason[];
  /** Whether this node's block list refuses a node id (`local-swarm peers block`); absent: none is. */
  readonly isBlocked?: (nodeId: string) => boolean;
  readonly checkHealth: HealthProbe;
  readonly healthTimeoutMs: number;
  /** Local time, ms since the epoch. */
  readonly now: () => number;
  /** Clock differences beyond this many ms are reported. Default 30000. */
  readonly maxClockSkewMs?: number;
}
