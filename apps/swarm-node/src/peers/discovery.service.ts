import { createDiscoveryService, type PeerInfo, type SwarmDiscovery } from '@local-swarm/discovery';
import { PeerDirectory } from '@local-swarm/federation';
import { FEDERATION_PROTOCOL_VERSION, SEAL_PROTOCOL_VERSION } from '@local-swarm/federation-protocol';
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type pino from 'pino';
import { APP_LOGGER, LOCAL_SWARM, NODE_SETTINGS, type LocalSwarm, type NodeSettings } from '../core/core.tokens';
import { toLibLogger } from '../logging/app-logger';
import { FEDERATION_OPTIONS, type FederationOptions } from './federation-options';

/**
 * mDNS for this node: advertises `_local-swarm._tcp` and browses for peers, on the API's own
 * interface only (never others), and feeds what it sees to the peer directory. mDNS only says a
 * peer exists; health checks decide whether it is asked (a crashed peer stays in mDNS caches).
 */
@Injectable()
export class DiscoveryService implements OnApplicationShutdown {
  private discovery: SwarmDiscovery | null = null;

  constructor(
    @Inject(FEDERATION_OPTIONS) private readonly options: FederationOptions,
    @Inject(LOCAL_SWARM) private readonly swarm: LocalSwarm,
    @Inject(NODE_SETTINGS) private readonly settings: NodeSettings,
    @Inject(APP_LOGGER) private readonly logger: pino.Logger,
    private readonly peers: PeerDirectory,
  ) {}

  /** Starts advertising and browsing; called once the API listens (its port is known then). */
  async start(apiPort: number): Promise<void> {
    const { config, bind, nodeId } = this.options;
    if (!config.discovery) {
      this.logger.info('mDNS discovery off (--no-discovery): manual peers only');
      return;
    }
    if (bind.interfaceName === null) {
      this.logger.warn({ address: bind.address }, 'mDNS discovery off: the API is not bound to one interface (use a private address with --host)');
      return;
    }
    const discovery = createDiscoveryService({
      interfaceName: bind.interfaceName,
      address: bind.address,
      nodeId,
      peerTtlMs: config.peerTtlMs,
      // Paired: a member announcing our key id wins its node id over a stranger claiming it.
      ownKeyId: this.options.membership?.keyId ?? null,
      logger: toLibLogger(this.logger),
    });
    discovery.on('peer-joined', (peer: PeerInfo) => this.peers.seen(peer));
    discovery.on('peer-updated', (peer: PeerInfo) => this.peers.seen(peer));
    discovery.on('peer-left', (peer: PeerInfo, reason: 'goodbye' | 'expired') => {
      if (reason === 'goodbye') void this.peers.left(peer.nodeId);
      else this.peers.expired(peer.nodeId);
    });
    discovery.on('name-changed', (name: string) => this.logger.info({ name }, 'mDNS name taken: advertising under a new name'));
    discovery.on('error', (error: Error) => this.logger.warn({ error: error.message }, 'mDNS error'));
    this.discovery = discovery;
    await discovery.startAdvertising({
      name: `local-swarm ${this.options.hostname} ${apiPort}`,
      nodeId,
      version: this.settings.version,
      instances: this.swarm.info.instances,
      modelId: this.swarm.info.modelId,
      ...(this.swarm.info.modelSha256 !== null ? { modelSha256: this.swarm.info.modelSha256 } : {}),
      // Which swarm this node is in (public, reveals nothing of the key): peers of other swarms are never asked.
      ...(this.options.membership !== null ? { keyId: this.options.membership.keyId } : {}),
      hardwareSummary: this.options.hardwareSummary,
      apiPort,
      // Paired nodes speak sealed protocol 2 only: peers see it before their first call.
      protocol: this.options.membership === null ? FEDERATION_PROTOCOL_VERSION : SEAL_PROTOCOL_VERSION,
    });
    await discovery.startDiscovery();
    this.logger.info({ interface: bind.interfaceName, address: bind.address }, 'mDNS discovery running');
  }

  /** Sends mDNS goodbyes, so peers drop this node at once. */
  async onApplicationShutdown(): Promise<void> {
    await this.discovery?.stop();
    this.discovery = null;
  }
}
