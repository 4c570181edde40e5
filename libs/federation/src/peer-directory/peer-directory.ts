import {
  FederationErrorCode,
  type ClientResult,
  type FederationClientError,
  type HealthReport,
  type FederationLogger,
  type PeerStatusWire,
  type SwarmMembership,
  type VoteCallTiming,
} from '@local-swarm/federation-protocol';
import type { RemoteParticipant, RemotePeers } from '../federated-swarm/remote-peers';
import { HealthMonitor, type HealthChecker } from '../health/health-monitor';
import { PeerRegistry, type DiscoveredPeer } from '../registry/peer-registry';
import type { LocalModel } from '../registry/model-file-conflict';
import type { PeerSnapshot } from '../registry/peer-snapshot';
import { peerSnapshotToWire } from '../registry/peer-snapshot-to-wire';
import { OpenAiPeerSource } from '../sources/openai-peer-source';
import type { PeerCallObserver } from '../sources/peer-call-observer';
import { PeerCandidateSource, UNKNOWN_PEER } from '../sources/peer-candidate-source';
import type { PeerChange } from './peer-change';
import { PeerClients } from './peer-clients';
import { PeerMoveCheck } from './peer-move-check';
import type { PeerCounts } from './peer-counts';
import { subscribeToRegistry } from './registry-changes';
import { OPEN_TRUST_POLICY, trustOfDiscovered, type PeerTrustPolicy, type UntrustedPeer } from './peer-trust';

/** The federation settings the directory uses (the node's `federation` config has them all). */
export interface PeerDirectorySettings {
  /** Manual peers to add at start (`host:port` or `openai+http://host:port/v1`). */
  readonly peers: readonly string[];
  readonly unhealthyAfterFailures: number;
  readonly healthIntervalMs: number;
  /** How long a peer's vote may take. */
  readonly voteTimeoutMs: number;
  /**
   * Connect to loopback peers (other nodes on this machine, tests). Default false: peers must be on
   * the local network (private, CGNAT, unique local, link-local), never a cloud metadata endpoint.
   */
  readonly allowLoopbackPeers?: boolean;
}

/** A peer's vote failed. */
export interface VoteFailure {
  readonly nodeId: string;
  /** FederationErrorCode, e.g. FEDERATION_ERR_TIMEOUT. */
  readonly code: string;
}

export interface PeerDirectoryOptions {
  /** This node's id: never registered as a peer of itself, sent as the origin of votes. */
  readonly nodeId: string;
  readonly settings: PeerDirectorySettings;
  readonly logger: FederationLogger;
  /** Called on every failed vote (the app counts them for metrics and the dashboard). */
  readonly onVoteFailed: (failure: VoteFailure) => void;
  /** Checker of a peer's health. Default: the peer's FederationClient or OpenAiPeerClient, the one its votes use. */
  readonly healthCheckerFor?: (peer: PeerSnapshot) => HealthChecker;
  /**
   * The node's swarm membership: health checks and votes to Local Swarm peers are then sealed
   * protocol 2 only, and a peer is known by the id its replies are signed with. Default null:
   * open federation (unsealed protocol 1).
   */
  readonly membership?: SwarmMembership | null;
  /** Which discovered peers may be asked (key id, block list). Default OPEN_TRUST_POLICY: every one, as in open federation. */
  readonly trust?: PeerTrustPolicy;
  /**
   * API keys of OpenAI-compatible peers by base URL (`http://host:port/v1`), sent as
   * `Authorization: Bearer` to that server only; never listed or logged. Default: none.
   */
  readonly openAiKeys?: ReadonlyMap<string, string>;
  /**
   * This node's model, read at each health report: a peer naming the same model id with another
   * file (sha256) is listed `ignored` and not asked until a report matches. Default: none.
   */
  readonly localModel?: () => LocalModel | null;
  /**
   * Time each vote asked of a peer and log its phases at debug level ("peer vote asked", under
   * the request's id). Default false: the node turns it on with debug logging.
   */
  readonly timeVotes?: boolean;
}

export type AddPeerOutcome =
  | { readonly ok: true; readonly peer: PeerStatusWire }
  | { readonly ok: false; readonly error: { readonly code: string; readonly message: string } };

/**
 * Every peer this node knows (mDNS, manual, OpenAI-compatible), their health, and the candidate
 * sources that reach them. Owns the registry and the health monitor; logs joins, departures and
 * health transitions. Discovery feeds it (`seen`, `left`, `expired`); the FederatedSwarm and the
 * /peers routes read it.
 */
export class PeerDirectory implements RemotePeers, PeerCallObserver {
  readonly #registry: PeerRegistry;
  readonly #monitor: HealthMonitor;
  /** Vote sources by node id, each with the base URL its client speaks to. */
  readonly #sources = new Map<string, { readonly baseUrl: string; readonly source: PeerCandidateSource | OpenAiPeerSource }>();
  readonly #clients: PeerClients;
  readonly #trust: PeerTrustPolicy;
  /** Discovered services that are listed but never asked (blocked, another swarm, open), by node id. */
  readonly #untrusted = new Map<string, UntrustedPeer>();
  readonly #moves: PeerMoveCheck;

  /** Set only when asked for (timeVotes): a source times its calls only for an observer that has this. */
  readonly onVoteTiming: PeerCallObserver['onVoteTiming'];

  constructor(private readonly options: PeerDirectoryOptions) {
    this.onVoteTiming = options.timeVotes === true ? this.#logVoteTiming.bind(this) : undefined;
    const { settings, logger } = options;
    this.#trust = options.trust ?? OPEN_TRUST_POLICY;
    this.#clients = new PeerClients({ allowLoopback: settings.allowLoopbackPeers ?? false }, options.membership ?? null, options.openAiKeys);
    this.#registry = new PeerRegistry({
      selfNodeId: options.nodeId,
      unhealthyAfterFailures: settings.unhealthyAfterFailures,
      ...(options.localModel !== undefined && { localModel: options.localModel }),
    });
    const timeoutMs = Math.max(100, Math.min(1500, settings.healthIntervalMs - 100));
    const checkerFor =
      options.healthCheckerFor ?? ((peer: PeerSnapshot) => (peer.source === 'openai' ? this.#clients.openAi(peer.baseUrl) : this.#clients.federation(peer.baseUrl)));
    this.#monitor = new HealthMonitor({ registry: this.#registry, intervalMs: settings.healthIntervalMs, timeoutMs, checkerFor });
    this.#moves = new PeerMoveCheck({
      checkerFor,
      timeoutMs,
      logger,
      onConfirmed: (announced, report, from) => this.#moved(announced, report, from),
      onRefused: (baseUrl) => this.#forgetUnusedClients(baseUrl),
    });
    this.#registry.on('peer-added', ({ peer }) => logger.info('peer joined', describe(peer)));
    this.#registry.on('peer-removed', ({ peer, reason }) => {
      this.#sources.delete(peer.nodeId);
      this.#clients.forget(peer.baseUrl);
      logger.info('peer left', { ...describe(peer), reason });
    });
    this.#registry.on('peer-rekeyed', ({ peer, previousNodeId }) => {
      this.#sources.delete(previousNodeId);
      logger.info('manual peer identified', { ...describe(peer), previousNodeId });
    });
    this.#registry.on('peer-changed', ({ peer, from, to, reason }) => {
      const level = to === 'healthy' ? 'info' : 'warn';
      logger[level](`peer ${to}`, { ...describe(peer), from, to, reason });
    });
  }

  /** Adds the configured manual peers and starts health checks. Bad or forbidden addresses are start-up errors. */
  start(): { ok: true } | { ok: false; message: string } {
    for (const address of this.options.settings.peers) {
      const refusal = this.#clients.refusal(address);
      if (refusal !== null) return { ok: false, message: `--peer ${address}: ${refusal}` };
      const added = this.#registry.addManual(address);
      if (!added.ok) return { ok: false, message: `--peer ${address}: ${added.error.message}` };
    }
    this.#monitor.start();
    return { ok: true };
  }

  /** Stops the health checks; resolves once the running ones have settled. */
  async stop(): Promise<void> {
    await Promise.all([this.#monitor.stop(), this.#moves.stop()]);
  }

  /** mDNS announced a peer (or announced it again, maybe changed): add or refresh it. */
  seen(peer: DiscoveredPeer): void {
    const verdict = trustOfDiscovered(peer, this.#trust);
    if (!verdict.asked) {
      const registered = this.#registry.get(peer.nodeId);
      if (verdict.trust === 'blocked') {
        if (registered !== undefined) this.#registry.remove(peer.nodeId);
      } else if (registered !== undefined) {
        // Anyone can announce any node id without our key id: such an announcement must not evict
        // a registered member. A member that really left the swarm fails its sealed checks instead.
        this.options.logger.warn('announcement without this swarm key id for a registered peer ignored', { nodeId: peer.nodeId, address: peer.address });
        return;
      }
      const lastSeen = typeof peer.lastSeen === 'number' ? peer.lastSeen : peer.lastSeen.getTime();
      this.#untrusted.set(peer.nodeId, { nodeId: peer.nodeId, name: peer.name, address: peer.address, port: peer.port, lastSeen, ...verdict });
      return;
    }
    this.#untrusted.delete(peer.nodeId);
    const registered = this.#registry.get(peer.nodeId);
    if (registered !== undefined && this.#moveNeedsCheck(registered, peer)) {
      void this.#moves.check(registered, peer);
      return;
    }
    this.#registry.upsertDiscovered(peer);
  }

  /**
   * Whether an announcement moves a paired peer that has answered a sealed health check (rttMs is
   * set by successful checks only) to another address: then it is checked there first (PeerMoveCheck).
   */
  #moveNeedsCheck(registered: PeerSnapshot, announced: DiscoveredPeer): boolean {
    if (this.#trust.ownKeyId === null || registered.source !== 'mdns' || registered.rttMs === null) return false;
    return registered.address !== announced.address || registered.port !== announced.port;
  }

  /** Drops the clients of `baseUrl` unless a registered peer is still reached there. */
  #forgetUnusedClients(baseUrl: string): void {
    if (!this.#registry.peers().some((peer) => peer.baseUrl === baseUrl)) this.#clients.forget(baseUrl);
  }

  /** A paired peer answered, signed, at its newly announced address: its entry, client and source move there. */
  #moved(announced: DiscoveredPeer, report: ClientResult<HealthReport>, from: PeerSnapshot): void {
    // Removed or moved meanwhile: this check is about an entry that no longer exists.
    if (this.#registry.get(from.nodeId)?.baseUrl !== from.baseUrl) return;
    this.#registry.upsertDiscovered(announced);
    this.#registry.recordHealth(from.nodeId, report);
    this.#sources.delete(from.nodeId);
    this.#clients.forget(from.baseUrl);
    this.options.logger.info('peer moved', { nodeId: from.nodeId, from: `${from.address}:${from.port}`, to: `${announced.address}:${announced.port}` });
  }

  /** Discovered services listed but never asked, ordered by node id. */
  untrusted(): UntrustedPeer[] {
    return [...this.#untrusted.values()].sort((a, b) => a.nodeId.localeCompare(b.nodeId));
  }

  /**
   * mDNS goodbye: the node shut down. Forget it, unless the user added it by hand (it may come
   * back; health checks tell). Paired, a goodbye is only a hint (anyone can send one for any node
   * id): the peer is checked at once, sealed, and forgotten only if it does not answer. Resolves
   * once decided.
   */
  async left(nodeId: string): Promise<void> {
    this.#untrusted.delete(nodeId);
    if (this.#registry.get(nodeId)?.source !== 'mdns') return;
    if (this.#trust.ownKeyId !== null) {
      await this.#monitor.checkNow();
      const checked = this.#registry.get(nodeId);
      // Answered now (a success clears the failure count): a spoofed goodbye, keep it.
      if (checked?.status === 'healthy' && checked.failures === 0) return;
    }
    this.#registry.remove(nodeId);
  }

  /** mDNS stopped announcing the peer: maybe a cut link, so it stays listed, as expired. */
  expired(nodeId: string): void {
    this.#registry.markExpired(nodeId);
  }

  /**
   * Adds a manual peer and checks it at once, so the caller learns whether it answers: an
   * address that does not answer as a peer, that is this node itself, that is another address
   * of a known peer, or that a peer may not have (FEDERATION_ERR_FORBIDDEN_ADDRESS, an IP literal
   * before it is even listed) is refused (and not added). An address already registered is left as it is.
   */
  async addManual(address: string): Promise<AddPeerOutcome> {
    const refusal = this.#clients.refusal(address);
    if (refusal !== null) return { ok: false, error: { code: FederationErrorCode.FORBIDDEN_ADDRESS, message: `${address}: ${refusal}` } };
    const added = this.#registry.addManual(address);
    if (!added.ok) return { ok: false, error: added.error };
    if (!added.added) return { ok: true, peer: this.wire(added.peer.nodeId) ?? peerSnapshotToWire(added.peer) };

    // The first health check may re-key the entry (its real node id) or drop it (self, duplicate).
    const dropped: { reason: string }[] = [];
    const onRemoved = ({ peer, reason }: { peer: PeerSnapshot; reason: string }): void => {
      if (peer.baseUrl === added.peer.baseUrl && peer.source === added.peer.source) dropped.push({ reason });
    };
    this.#registry.on('peer-removed', onRemoved);
    try {
      await this.#monitor.checkNow();
    } finally {
      this.#registry.off('peer-removed', onRemoved);
    }
    const now = this.#registry.peers().find((peer) => peer.baseUrl === added.peer.baseUrl && peer.source === added.peer.source);
    if (now === undefined) {
      const reason = dropped[0]?.reason;
      const message =
        reason === 'self' ? `${address} is this node itself` : reason === 'duplicate' ? `${address} is another address of a peer already known` : `${address} was not kept as a peer`;
      return { ok: false, error: { code: reason === 'self' ? 'peer_is_self' : 'peer_duplicate', message } };
    }
    if (this.#trust.isBlocked(now.nodeId)) {
      this.#registry.remove(now.nodeId);
      return { ok: false, error: { code: 'peer_blocked', message: `${address} is node ${now.nodeId}, on this node's block list` } };
    }
    // Not healthy at once is refused, also when the failure does not count against a peer
    // (a 400 or 429 to its health check leaves no lastError): a peer must answer to be added.
    // One that answered but may not vote yet (another file of our model) is kept and listed with
    // why, so that it is asked once it runs the same file.
    if (now.status !== 'healthy' && now.status !== 'ignored') {
      this.#registry.remove(now.nodeId);
      const error = now.lastError ?? { code: FederationErrorCode.HTTP, message: 'its health check did not succeed' };
      return { ok: false, error: { code: error.code, message: `${address} does not answer as a peer: ${error.message}` } };
    }
    return { ok: true, peer: this.wire(now.nodeId) ?? peerSnapshotToWire(now) };
  }

  remove(nodeId: string): boolean {
    return this.#registry.remove(nodeId);
  }

  /**
   * Every peer this node knows, with how far it trusts each: the registry's peers (asked, unless
   * quarantined), then the services it saw but never asks (status `ignored`) with the reason.
   */
  list(): PeerStatusWire[] {
    const asked = this.#trust.ownKeyId === null ? 'open' : 'paired';
    const known = this.#registry.list().map((row): PeerStatusWire => ({ ...row, trust: row.status === 'quarantined' ? 'quarantined' : asked }));
    return [...known, ...this.untrusted().map(untrustedRow)];
  }

  counts(): PeerCounts {
    const peers = this.#registry.peers();
    const count = (status: PeerSnapshot['status']): number => peers.filter((peer) => peer.status === status).length;
    // Quarantined and ignored peers are not asked for votes: for these counts they are unhealthy (the list tells them apart).
    return { total: peers.length, healthy: count('healthy'), unhealthy: count('unhealthy') + count('quarantined') + count('ignored'), expired: count('expired') };
  }

  /** Calls `listener` on every join, departure, status change or re-keying; returns an unsubscribe. */
  subscribe(listener: (change: PeerChange) => void): () => void {
    return subscribeToRegistry(this.#registry, listener);
  }

  /** Healthy peers as candidate sources, each reusing one client per peer. */
  healthySources(): RemoteParticipant[] {
    return this.#registry.healthy().map((peer) => {
      const source = this.sourceFor(peer);
      return { nodeId: peer.nodeId, source, load: peer.load, instances: peer.instances, inFlight: () => source.inFlight };
    });
  }

  onPeerFailure(nodeId: string, error: FederationClientError): void {
    this.options.logger.warn('peer vote failed', { nodeId, code: error.code, error: error.message });
    this.options.onVoteFailed({ nodeId, code: error.code });
    // A vote failure counts like a failed health check: a peer that times out on votes soon stops
    // being asked. The registry counts only failures that are the peer's (countsAgainstPeer).
    this.#registry.recordHealth(nodeId, { ok: false, error });
    // A reply that does not parse is the peer breaking the protocol, not just being down.
    if (error.code === FederationErrorCode.BAD_REPLY) this.onProtocolViolation(nodeId, `bad reply: ${error.message}`);
  }

  onProtocolViolation(nodeId: string, violation: string): void {
    this.options.logger.warn('peer broke the protocol', { nodeId, violation });
    this.#registry.recordViolation(nodeId, violation);
  }

  onPeerSuccess(): void {
    // Health checks alone decide recovery; a good vote needs no bookkeeping.
  }

  #logVoteTiming(nodeId: string, requestId: string, timing: VoteCallTiming): void {
    this.options.logger.debug('peer vote asked', { requestId, nodeId, phases: timing.phases, reusedConnection: timing.reusedConnection });
  }

  private wire(nodeId: string): PeerStatusWire | undefined {
    return this.list().find((peer) => peer.node_id === nodeId);
  }

  private sourceFor(peer: PeerSnapshot): PeerCandidateSource | OpenAiPeerSource {
    const known = this.#sources.get(peer.nodeId);
    // A source made before the peer moved (an open peer moves on its next announcement) would
    // keep sending votes to the old address.
    if (known !== undefined && known.baseUrl === peer.baseUrl) return known.source;
    if (known !== undefined) this.#forgetUnusedClients(known.baseUrl);
    const deadlineMs = this.options.settings.voteTimeoutMs;
    const source =
      peer.source === 'openai'
        ? new OpenAiPeerSource(peer.nodeId, this.#clients.openAi(peer.baseUrl), deadlineMs, this, () => this.#registry.get(peer.nodeId)?.modelId ?? null)
        : new PeerCandidateSource(
            peer.nodeId,
            this.#clients.federation(peer.baseUrl),
            this.options.nodeId,
            deadlineMs,
            this,
            () => this.#registry.get(peer.nodeId) ?? UNKNOWN_PEER,
            () => this.options.localModel?.()?.modelSha256 ?? null,
          );
    this.#sources.set(peer.nodeId, { baseUrl: peer.baseUrl, source });
    return source;
  }
}

function describe(peer: PeerSnapshot): Record<string, unknown> {
  return { nodeId: peer.nodeId, name: peer.name, address: `${peer.address}:${peer.port}`, source: peer.source, status: peer.status };
}

/** A service seen but never asked, as the peer listing shows it. */
function untrustedRow(peer: UntrustedPeer): PeerStatusWire {
  return {
    node_id: peer.nodeId,
    name: peer.name,
    address: peer.address,
    port: peer.port,
    source: 'mdns',
    status: 'ignored',
    last_seen: new Date(peer.lastSeen).toISOString(),
    rtt_ms: null,
    failures: 0,
    model_id: null,
    instances: null,
    reason: peer.reason,
    trust: peer.trust,
  };
}
