import {
  FederationClient,
  peerSnapshotToWire,
  HealthMonitor,
  PeerRegistry,
  type FederationClientError,
  type PeerLoad,
  type PeerSnapshot,
  type PeerStatusWire,
} from '@local-swarm/federation-protocol';
import type { CandidateSource } from '@local-swarm/swarm-core';
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type pino from 'pino';
import { APP_LOGGER } from '../core/core.tokens';
import { RequestEvents } from '../observability/request-events';
import type { PeerCounter, PeerCounts } from '../swarm/peer-counts';
import { FEDERATION_OPTIONS, type FederationOptions } from './federation.tokens';
import { OpenAiPeerSource } from './openai-peer-source';
import { PeerCandidateSource, type PeerCallObserver } from './peer-candidate-source';

/** A healthy peer ready to take part in a request. */
export interface PeerParticipant {
  readonly nodeId: string;
  readonly source: CandidateSource;
  /** Load from its last health reply; null for OpenAI-compatible servers (unknown). */
  readonly load: PeerLoad | null;
  readonly inFlight: () => number;
}

export type AddPeerOutcome =
  | { readonly ok: true; readonly peer: PeerStatusWire }
  | { readonly ok: false; readonly error: { readonly code: string; readonly message: string } };

/**
 * Every peer this node knows (mDNS, manual, OpenAI-compatible), their health, and the candidate
 * sources that reach them. Owns the registry and the health monitor; logs joins, departures and
 * health transitions. Discovery feeds it; the planner and the /peers routes read it.
 */
@Injectable()
export class PeerDirectory implements PeerCounter, PeerCallObserver, OnApplicationShutdown {
  readonly registry: PeerRegistry;
  private readonly monitor: HealthMonitor;
  private readonly sources = new Map<string, PeerCandidateSource | OpenAiPeerSource>();

  constructor(
    @Inject(FEDERATION_OPTIONS) private readonly options: FederationOptions,
    @Inject(APP_LOGGER) private readonly logger: pino.Logger,
    private readonly events: RequestEvents,
  ) {
    const { config } = options;
    this.registry = new PeerRegistry({ selfNodeId: options.nodeId, unhealthyAfterFailures: config.unhealthyAfterFailures });
    this.monitor = new HealthMonitor({
      registry: this.registry,
      intervalMs: config.healthIntervalMs,
      timeoutMs: Math.max(100, Math.min(1500, config.healthIntervalMs - 100)),
    });
    this.registry.on('peer-added', ({ peer }) => this.logger.info(describe(peer), 'peer joined'));
    this.registry.on('peer-removed', ({ peer, reason }) => {
      this.sources.delete(peer.nodeId);
      this.logger.info({ ...describe(peer), reason }, 'peer left');
    });
    this.registry.on('peer-rekeyed', ({ peer, previousNodeId }) => {
      this.sources.delete(previousNodeId);
      this.logger.info({ ...describe(peer), previousNodeId }, 'manual peer identified');
    });
    this.registry.on('peer-changed', ({ peer, from, to, reason }) => {
      const level = to === 'healthy' ? 'info' : 'warn';
      this.logger[level]({ ...describe(peer), from, to, reason }, `peer ${to}`);
    });
  }

  /** Adds the configured manual peers and starts health checks. Bad addresses are start-up errors. */
  start(): { ok: true } | { ok: false; message: string } {
    for (const address of this.options.config.peers) {
      const added = this.registry.addManual(address);
      if (!added.ok) return { ok: false, message: `--peer ${address}: ${added.error.message}` };
    }
    this.monitor.start();
    return { ok: true };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.monitor.stop();
  }

  /**
   * Adds a manual peer and checks it at once, so the caller learns whether it answers: an
   * address that does not answer as a peer, that is this node itself, or that is another address
   * of a known peer is refused (and not added). An address already registered is left as it is.
   */
  async addManual(address: string): Promise<AddPeerOutcome> {
    const added = this.registry.addManual(address);
    if (!added.ok) return { ok: false, error: added.error };
    if (!added.added) return { ok: true, peer: this.wire(added.peer.nodeId) ?? peerSnapshotToWire(added.peer) };

    // The first health check may re-key the entry (its real node id) or drop it (self, duplicate).
    const dropped: { reason: string }[] = [];
    const onRemoved = ({ peer, reason }: { peer: PeerSnapshot; reason: string }): void => {
      if (peer.baseUrl === added.peer.baseUrl && peer.source === added.peer.source) dropped.push({ reason });
    };
    this.registry.on('peer-removed', onRemoved);
    try {
      await this.monitor.checkNow();
    } finally {
      this.registry.off('peer-removed', onRemoved);
    }
    const now = this.registry.peers().find((peer) => peer.baseUrl === added.peer.baseUrl && peer.source === added.peer.source);
    if (now === undefined) {
      const reason = dropped[0]?.reason;
      const message =
        reason === 'self' ? `${address} is this node itself` : reason === 'duplicate' ? `${address} is another address of a peer already known` : `${address} was not kept as a peer`;
      return { ok: false, error: { code: reason === 'self' ? 'peer_is_self' : 'peer_duplicate', message } };
    }
    if (now.status !== 'healthy' && now.lastError !== null) {
      this.registry.remove(now.nodeId);
      return { ok: false, error: { code: now.lastError.code, message: `${address} does not answer as a peer: ${now.lastError.message}` } };
    }
    return { ok: true, peer: this.wire(now.nodeId) ?? peerSnapshotToWire(now) };
  }

  remove(nodeId: string): boolean {
    return this.registry.remove(nodeId);
  }

  list(): PeerStatusWire[] {
    return this.registry.list();
  }

  private wire(nodeId: string): PeerStatusWire | undefined {
    return this.registry.list().find((peer) => peer.node_id === nodeId);
  }

  counts(): PeerCounts {
    const peers = this.registry.peers();
    const count = (status: PeerSnapshot['status']): number => peers.filter((peer) => peer.status === status).length;
    return { total: peers.length, healthy: count('healthy'), unhealthy: count('unhealthy'), expired: count('expired') };
  }

  /** Healthy peers as candidate sources, each reusing one client per peer. */
  healthySources(): PeerParticipant[] {
    return this.registry.healthy().map((peer) => {
      const source = this.sourceFor(peer);
      return { nodeId: peer.nodeId, source, load: peer.load, inFlight: () => source.inFlight };
    });
  }

  onPeerFailure(nodeId: string, error: FederationClientError): void {
    this.logger.warn({ nodeId, code: error.code, error: error.message }, 'peer vote failed');
    this.events.emit('vote-failed', { nodeId, code: error.code });
    // A vote failure counts like a failed health check: a peer that times out on votes soon stops being asked.
    this.registry.recordHealth(nodeId, { ok: false, error });
  }

  onPeerSuccess(): void {
    // Health checks alone decide recovery; a good vote needs no bookkeeping.
  }

  private sourceFor(peer: PeerSnapshot): PeerCandidateSource | OpenAiPeerSource {
    const known = this.sources.get(peer.nodeId);
    if (known !== undefined) return known;
    const deadlineMs = this.options.config.voteTimeoutMs;
    const source =
      peer.source === 'openai'
        ? new OpenAiPeerSource(peer.nodeId, peer.baseUrl, deadlineMs, this, () => this.registry.get(peer.nodeId)?.modelId ?? null)
        : new PeerCandidateSource(peer.nodeId, new FederationClient({ baseUrl: peer.baseUrl }), this.options.nodeId, deadlineMs, this);
    this.sources.set(peer.nodeId, source);
    return source;
  }
}

function describe(peer: PeerSnapshot): Record<string, unknown> {
  return { nodeId: peer.nodeId, name: peer.name, address: `${peer.address}:${peer.port}`, source: peer.source, status: peer.status };
}
