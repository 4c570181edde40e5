import {
  asModelId,
  asPeerId,
  FederationErrorCode,
  formatHostPort,
  manualPeerId,
  openAiPeerId,
  parsePeerAddress,
  silentFederationLogger,
  type ClientResult,
  type FederationClientError,
  type FederationLogger,
  type FederationParseError,
  type HealthReport,
  type PeerId,
  type PeerStatus,
  type PeerStatusWire,
} from '@local-swarm/federation-protocol';
import { TypedEventEmitter } from '../events/typed-event-emitter';
import { countsAgainstPeer } from '../health/counts-against-peer';
import { NO_VIOLATIONS, QuarantinePolicy, type QuarantineSettings } from '../quarantine/quarantine-policy';
import { federationBaseUrl } from './federation-base-url';
import { modelFileConflict, type LocalModel } from './model-file-conflict';
import type { PeerSnapshot } from './peer-snapshot';
import { peerSnapshotToWire } from './peer-snapshot-to-wire';

/** A peer as mDNS discovery reports it. */
export interface DiscoveredPeer {
  readonly nodeId: string;
  /** mDNS instance name. */
  readonly name: string;
  readonly address: string;
  readonly port: number;
  readonly modelId: string | null;
  readonly instances: number | null;
  /** SHA-256 of its model file as its TXT record gave it (validated by discovery); absent or null when unknown. */
  readonly modelSha256?: string | null;
  /** Key id of its swarm as its TXT record gave it (validated by discovery); absent or null: an open node. */
  readonly keyId?: string | null;
  /** When the announcement was last seen (Date or epoch ms). */
  readonly lastSeen: Date | number;
}

/** Why a peer left the registry. */
export type PeerRemovalReason =
  /** remove() was called. */
  | 'removed'
  /** A manual peer turned out to be a node the registry already had under another manual address. */
  | 'duplicate'
  /** A discovered entry was folded into the manual entry that turned out to be the same node. */
  | 'merged'
  /** The peer is this node itself (its health reply named our own node id). */
  | 'self';

// A type alias, not an interface: it must be assignable to TypedEventEmitter's EventMap.
export type PeerRegistryEvents = {
  'peer-added': { readonly peer: PeerSnapshot };
  /** A status transition (healthy→unhealthy, unhealthy→healthy, →expired, expired→unhealthy, →quarantined, quarantined→healthy, →ignored, ignored→healthy). */
  'peer-changed': {
    readonly peer: PeerSnapshot;
    readonly from: PeerStatus;
    readonly to: PeerStatus;
    readonly reason: string;
  };
  'peer-removed': { readonly peer: PeerSnapshot; readonly reason: PeerRemovalReason };
  /** A manual peer's provisional id was replaced by the node id its health reply gave. */
  'peer-rekeyed': { readonly peer: PeerSnapshot; readonly previousNodeId: PeerId };
};

export interface PeerRegistryOptions {
  /** Consecutive failed health checks that turn a healthy peer unhealthy. Default 2. */
  readonly unhealthyAfterFailures?: number;
  /** This node's id: never registered as a peer of itself. Default: none. */
  readonly selfNodeId?: string;
  /** Clock for `lastSeen`, epoch ms. Default Date.now. */
  readonly now?: () => number;
  /** Default: a silent logger. */
  readonly logger?: FederationLogger;
  /** When protocol violations quarantine a peer. Default DEFAULT_QUARANTINE. */
  readonly quarantine?: QuarantineSettings;
  /**
   * This node's model, read at each health report: a peer naming it with another file is
   * `ignored` (modelFileConflict) until a report matches. Default: none, no peer is ignored for its model.
   */
  readonly localModel?: () => LocalModel | null;
}

export type AddManualResult =
  | { readonly ok: true; readonly peer: PeerSnapshot; readonly added: boolean }
  | { readonly ok: false; readonly error: FederationParseError };

type Entry = { -readonly [K in keyof PeerSnapshot]: PeerSnapshot[K] };

const DEFAULT_UNHEALTHY_AFTER_FAILURES = 2;

/**
 * Every peer this node knows, keyed by node id, with a health status the monitor keeps current.
 * No I/O and no timers: discovery, the health monitor and the API feed it; it emits typed events.
 *
 * New peers start `unhealthy` (not yet checked) and turn `healthy` on their first successful
 * health check, so a request is never sent to a peer nobody has heard answer.
 */
export class PeerRegistry extends TypedEventEmitter<PeerRegistryEvents> {
  readonly #entries = new Map<PeerId, Entry>();
  readonly #unhealthyAfter: number;
  readonly #self: PeerId | null;
  readonly #now: () => number;
  readonly #logger: FederationLogger;
  readonly #quarantine: QuarantinePolicy;
  readonly #localModel: () => LocalModel | null;

  constructor(options: PeerRegistryOptions = {}) {
    super();
    const threshold = options.unhealthyAfterFailures ?? DEFAULT_UNHEALTHY_AFTER_FAILURES;
    if (!Number.isInteger(threshold) || threshold < 1) {
      throw new RangeError(`unhealthyAfterFailures must be an integer >= 1, got ${threshold}`);
    }
    this.#unhealthyAfter = threshold;
    this.#self = options.selfNodeId === undefined ? null : asPeerId(options.selfNodeId);
    this.#now = options.now ?? Date.now;
    this.#logger = options.logger ?? silentFederationLogger;
    this.#quarantine = new QuarantinePolicy(options.quarantine);
    this.#localModel = options.localModel ?? (() => null);
  }

  get size(): number {
    return this.#entries.size;
  }

  get(nodeId: string): PeerSnapshot | undefined {
    const entry = this.#entries.get(asPeerId(nodeId));
    return entry === undefined ? undefined : snapshot(entry);
  }

  /** Every peer, expired ones included, ordered by name then id. */
  peers(): PeerSnapshot[] {
    return [...this.#entries.values()].sort(byNameThenId).map(snapshot);
  }

  /** The peers to ask for votes now. */
  healthy(): PeerSnapshot[] {
    return this.peers().filter((peer) => peer.status === 'healthy');
  }

  /** What `GET /v1/federation/peers` answers. */
  list(): PeerStatusWire[] {
    return this.peers().map(peerSnapshotToWire);
  }

  /**
   * Adds or refreshes a peer announced over mDNS. A peer that had expired comes back as
   * `unhealthy` until its next health check. Returns null for this node's own announcement.
   */
  upsertDiscovered(peer: DiscoveredPeer): PeerSnapshot | null {
    const nodeId = asPeerId(peer.nodeId);
    if (nodeId === this.#self) return null;
    const lastSeen = typeof peer.lastSeen === 'number' ? peer.lastSeen : peer.lastSeen.getTime();
    const modelId = peer.modelId === null ? null : asModelId(peer.modelId);
    const existing = this.#entries.get(nodeId);
    if (existing === undefined) {
      const entry: Entry = {
        ...blankEntry(nodeId, 'mdns', peer.address, peer.port, federationBaseUrl(peer.address, peer.port)),
        name: peer.name,
        modelId,
        modelSha256: peer.modelSha256 ?? null,
        instances: peer.instances,
        lastSeen,
      };
      this.#entries.set(nodeId, entry);
      this.emit('peer-added', { peer: snapshot(entry) });
      return snapshot(entry);
    }
    existing.name = peer.name;
    existing.modelId = modelId;
    existing.instances = peer.instances;
    if (peer.modelSha256 !== undefined && peer.modelSha256 !== null) existing.modelSha256 = peer.modelSha256;
    existing.lastSeen = Math.max(existing.lastSeen ?? lastSeen, lastSeen);
    // A manual entry that turned out to be this node keeps the address the user gave.
    if (existing.source === 'mdns') {
      existing.address = peer.address;
      existing.port = peer.port;
      existing.baseUrl = federationBaseUrl(peer.address, peer.port);
    }
    if (existing.status === 'expired') {
      existing.failures = 0;
      this.#transition(existing, 'unhealthy', 'announced again over mDNS');
    }
    return snapshot(existing);
  }

  /**
   * mDNS stopped announcing the peer (its TTL ran out). Only discovered peers expire: a peer
   * the user added by hand stays until removed. Returns whether anything changed.
   */
  markExpired(nodeId: string): boolean {
    const entry = this.#entries.get(asPeerId(nodeId));
    if (entry === undefined || entry.source !== 'mdns' || entry.status === 'expired') return false;
    this.#transition(entry, 'expired', 'no longer announced over mDNS');
    return true;
  }

  remove(nodeId: string): boolean {
    const entry = this.#entries.get(asPeerId(nodeId));
    if (entry === undefined) return false;
    this.#entries.delete(entry.nodeId);
    this.emit('peer-removed', { peer: snapshot(entry), reason: 'removed' });
    return true;
  }

  /**
   * Adds a peer by address (`host:port` or `openai+http://host:port/v1`). A bad address comes back
   * as a FEDERATION_ERR_INVALID_ADDRESS value; an address already registered is not added twice.
   */
  addManual(address: string): AddManualResult {
    const parsed = parsePeerAddress(address);
    if (!parsed.ok) return parsed;
    const { peer } = parsed;
    const baseUrl = peer.kind === 'openai' ? peer.baseUrl : federationBaseUrl(peer.host, peer.port);
    const source = peer.kind === 'openai' ? 'openai' : 'manual';
    const known = [...this.#entries.values()].find((entry) => entry.source === source && entry.baseUrl === baseUrl);
    if (known !== undefined) return { ok: true, peer: snapshot(known), added: false };
    const nodeId = peer.kind === 'openai' ? openAiPeerId(peer.baseUrl) : manualPeerId(peer.host, peer.port);
    const entry: Entry = {
      ...blankEntry(nodeId, source, peer.host, peer.port, baseUrl),
      name: peer.kind === 'openai' ? peer.baseUrl : formatHostPort(peer.host, peer.port),
      provisional: peer.kind === 'federation',
    };
    this.#entries.set(nodeId, entry);
    this.emit('peer-added', { peer: snapshot(entry) });
    return { ok: true, peer: snapshot(entry), added: true };
  }

  /**
   * Records a health check or a vote of `nodeId` (the id the call was made for). Success: healthy,
   * failures 0, rtt, load; a manual peer takes the node id its reply names. A failure that says the
   * peer is down or broken (countsAgainstPeer): one more consecutive failure; a healthy peer turns
   * unhealthy at `unhealthyAfterFailures`. Any other failure (our request refused, the peer busy)
   * changes nothing. Expired and unknown peers are left alone. Returns the peer as it is now, null
   * when it is gone.
   */
  recordHealth(nodeId: string, result: ClientResult<HealthReport>): PeerSnapshot | null {
    const found = this.#entries.get(asPeerId(nodeId));
    if (found === undefined) return null;
    if (found.status === 'expired') return snapshot(found);
    if (!result.ok) return snapshot(countsAgainstPeer(result.error) ? this.#recordFailure(found, result.error) : found);

    const report = result.value;
    let entry: Entry | null = found;
    if (report.nodeId !== found.nodeId && found.source !== 'openai') {
      if (found.source === 'mdns') {
        return snapshot(
          this.#recordFailure(found, {
            code: FederationErrorCode.IDENTITY_MISMATCH,
            message: `${found.baseUrl} answers as node ${report.nodeId}, but was discovered as ${found.nodeId}`,
          }),
        );
      }
      entry = this.#rekey(found, report.nodeId);
      if (entry === null) return null;
    }
    entry.failures = 0;
    entry.rttMs = report.rttMs;
    entry.lastSeen = this.#now();
    entry.lastError = null;
    if (report.modelId !== null) entry.modelId = report.modelId;
    // A reply without the digest says the peer does not know it (any more): keep no stale one.
    entry.modelSha256 = report.modelSha256 ?? null;
    if (report.instances !== null) entry.instances = report.instances;
    entry.load = report.load;
    entry.modelConflict = modelFileConflict(this.#localModel(), report);
    // Answering health checks does not end a quarantine early, nor does coming back over mDNS.
    if (this.#quarantine.holds(entry.violations, this.#now())) this.#transition(entry, 'quarantined', entry.quarantineReason ?? 'quarantined');
    else if (entry.modelConflict !== null) this.#transition(entry, 'ignored', entry.modelConflict);
    else if (entry.status !== 'healthy') this.#transition(entry, 'healthy', recoveryReason(entry.status));
    return snapshot(entry);
  }

  /**
   * Records that `nodeId` broke the protocol in a reply (extra or invalid candidates, a malformed
   * reply). Enough of them within the policy's window quarantine it: it is not asked for votes
   * until the back-off has passed and a health check succeeds. Unknown and expired peers are
   * left alone. Returns the peer as it is now, null when it is unknown.
   */
  recordViolation(nodeId: string, violation: string): PeerSnapshot | null {
    const entry = this.#entries.get(asPeerId(nodeId));
    if (entry === undefined) return null;
    if (entry.status === 'expired') return snapshot(entry);
    const now = this.#now();
    const { record, quarantineMs } = this.#quarantine.violation(entry.violations, now);
    entry.violations = record;
    this.#logger.warn('peer broke the protocol', { nodeId: entry.nodeId, violation, recentViolations: record.recent.length });
    if (quarantineMs !== null) {
      entry.quarantineReason = `quarantined for ${Math.round(quarantineMs / 1000)} s until ${new Date(now + quarantineMs).toISOString()} after repeated protocol violations, last: ${violation}`;
      this.#transition(entry, 'quarantined', entry.quarantineReason);
    }
    return snapshot(entry);
  }

  #recordFailure(entry: Entry, error: FederationClientError): Entry {
    entry.failures += 1;
    entry.lastError = error;
    const quarantineOver = entry.status === 'quarantined' && !this.#quarantine.holds(entry.violations, this.#now());
    if ((entry.status === 'healthy' || entry.status === 'ignored' || quarantineOver) && entry.failures >= this.#unhealthyAfter) {
      this.#transition(entry, 'unhealthy', `${entry.failures} health checks failed in a row: ${error.message}`);
    }
    return entry;
  }

  /** Gives a manual entry the node id its health reply named; null when the entry went away. */
  #rekey(entry: Entry, nodeId: PeerId): Entry | null {
    const previousNodeId = entry.nodeId;
    if (nodeId === this.#self) {
      this.#entries.delete(previousNodeId);
      this.#logger.warn('manual peer is this node itself; dropped', { peer: entry.name, nodeId });
      this.emit('peer-removed', { peer: snapshot(entry), reason: 'self' });
      return null;
    }
    const other = this.#entries.get(nodeId);
    if (other !== undefined) {
      if (other.source !== 'mdns') {
        // Two manual addresses (say, an IP and a hostname) of one node: asking it twice would
        // count its votes twice, so keep the entry registered first.
        this.#entries.delete(previousNodeId);
        this.#logger.warn('manual peer is a node already registered; dropped', { peer: entry.name, nodeId });
        this.emit('peer-removed', { peer: snapshot(entry), reason: 'duplicate' });
        return null;
      }
      // The node was also discovered over mDNS: one entry, kept as manual so it never expires.
      this.#entries.delete(nodeId);
      entry.name = other.name;
      entry.lastSeen = other.lastSeen;
      if (entry.modelId === null) entry.modelId = other.modelId;
      if (entry.instances === null) entry.instances = other.instances;
      this.emit('peer-removed', { peer: snapshot(other), reason: 'merged' });
    }
    this.#entries.delete(previousNodeId);
    entry.nodeId = nodeId;
    entry.provisional = false;
    this.#entries.set(nodeId, entry);
    this.#logger.debug('manual peer identified', { peer: entry.name, previousNodeId, nodeId });
    this.emit('peer-rekeyed', { peer: snapshot(entry), previousNodeId });
    return entry;
  }

  #transition(entry: Entry, to: PeerStatus, reason: string): void {
    const from = entry.status;
    if (from === to) return;
    entry.status = to;
    this.#logger.info(`peer ${entry.name} is ${to}`, { nodeId: entry.nodeId, from, to, reason });
    this.emit('peer-changed', { peer: snapshot(entry), from, to, reason });
  }
}

function blankEntry(nodeId: PeerId, source: Entry['source'], address: string, port: number, baseUrl: string): Entry {
  return {
    nodeId,
    provisional: false,
    name: formatHostPort(address, port),
    address,
    port,
    source,
    status: 'unhealthy',
    lastSeen: null,
    rttMs: null,
    failures: 0,
    modelId: null,
    modelSha256: null,
    instances: null,
    load: null,
    lastError: null,
    violations: NO_VIOLATIONS,
    quarantineReason: null,
    modelConflict: null,
    baseUrl,
  };
}

/** Why a peer that was not asked is healthy again, after a successful health check. */
function recoveryReason(from: PeerStatus): string {
  if (from === 'quarantined') return 'quarantine over, health check succeeded';
  if (from === 'ignored') return 'its model file now matches, health check succeeded';
  return 'health check succeeded';
}

function snapshot(entry: Entry): PeerSnapshot {
  return Object.freeze({ ...entry });
}

function byNameThenId(a: Entry, b: Entry): number {
  return a.name.localeCompare(b.name) || a.nodeId.localeCompare(b.nodeId);
}
