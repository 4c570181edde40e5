import { EventEmitter } from 'node:events';
import { isIPv4 } from 'node:net';
import { networkInterfaces } from 'node:os';
import type { AdvertiserFactory, Advertiser } from '../advertise/advertiser';
import { createCiaoAdvertiser } from '../advertise/ciao-advertiser';
import { fitServiceName, hostnameFor, nodeIdProblem, validateSwarmInfo } from '../advertise/validate-swarm-info';
import type { Browser, BrowserFactory } from '../browse/browser';
import { createMdnsBrowser } from '../browse/mdns-browser';
import { DEFAULT_PEER_TTL_MS, DEFAULT_QUERY_INTERVAL_MS, SERVICE_PTR_NAME } from '../constants';
import { DiscoveryError, DiscoveryErrorCode, errorMessage } from '../errors/discovery-error';
import { silentLogger, type Logger } from '../logger/logger';
import { inSubnet, resolveBoundInterface, type BoundInterface, type NetworkInterfaceTable } from '../network/local-interface';
import type { PeerInfo, PeerLeftReason, SwarmInfo } from '../peers/peer-info';
import { PeerTable, type PeerTableEvent } from '../peers/peer-table';
import { normalizeRecords } from '../records/normalize-records';
import { buildSwarmTxt } from '../txt/build-swarm-txt';
import type { DiscoveryOptions } from './discovery-options';

export type DiscoveryState = 'idle' | 'running' | 'stopped';

/** The events of SwarmDiscovery and their arguments. */
export interface SwarmDiscoveryEvents {
  'peer-joined': [peer: PeerInfo];
  'peer-updated': [peer: PeerInfo];
  'peer-left': [peer: PeerInfo, reason: PeerLeftReason];
  /** A name conflict made the responder rename our instance (e.g. "x" → "x (2)"). */
  'name-changed': [name: string];
  /** The browsing socket failed while running (start failures reject the start call instead). */
  error: [error: DiscoveryError];
}

/** What SwarmDiscovery talks to; the defaults are ciao, multicast-dns, os and Date. Tests inject fakes. */
export interface SwarmDiscoveryDependencies {
  readonly createAdvertiser: AdvertiserFactory;
  readonly createBrowser: BrowserFactory;
  readonly networkInterfaces: () => NetworkInterfaceTable;
  readonly now: () => number;
}

const defaultDependencies: SwarmDiscoveryDependencies = {
  createAdvertiser: createCiaoAdvertiser,
  createBrowser: createMdnsBrowser,
  networkInterfaces,
  now: Date.now,
};

function invalidOptions(message: string): DiscoveryError {
  return new DiscoveryError(DiscoveryErrorCode.INVALID_OPTIONS, message);
}

function positiveInteger(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 100) throw invalidOptions(`${name} must be an integer of at least 100 (ms), got ${value}`);
  return value;
}

/**
 * mDNS discovery of Local Swarm nodes on one interface: advertises this node (ciao) and browses
 * for the others (multicast-dns), keeping a table of live peers.
 *
 * Lifecycle: 'idle' → startAdvertising() / startDiscovery() (either or both, once each) →
 * 'running' → stop() → 'stopped' (final: create a new service to start again).
 *
 * Listeners that throw are caught and logged: a bug in one must not take the socket down. The
 * 'error' event is emitted only when someone listens; otherwise it is logged.
 */
export class SwarmDiscovery extends EventEmitter<SwarmDiscoveryEvents> {
  private currentState: DiscoveryState = 'idle';
  private readonly logger: Logger;
  private readonly peerTtlMs: number;
  private readonly queryIntervalMs: number;
  private readonly dependencies: SwarmDiscoveryDependencies;
  private advertiser: Advertiser | undefined;
  private browser: Browser | undefined;
  private table: PeerTable | undefined;
  private bound: BoundInterface | undefined;
  private name: string | undefined;
  private readonly timers: NodeJS.Timeout[] = [];
  private stopping: Promise<void> | undefined;
  private readonly stopped: Promise<'stopped'>;
  private markStopped: () => void = () => undefined;

  constructor(
    private readonly options: DiscoveryOptions,
    dependencies: Partial<SwarmDiscoveryDependencies> = {},
  ) {
    super();
    if (typeof options.interfaceName !== 'string' || options.interfaceName.length === 0) {
      throw invalidOptions('interfaceName must name a network interface (mDNS is never bound to all of them)');
    }
    if (typeof options.address !== 'string' || !isIPv4(options.address)) {
      throw invalidOptions(`address must be an IPv4 address, got ${JSON.stringify(options.address)}`);
    }
    const nodeIdIssue = nodeIdProblem(options.nodeId);
    if (nodeIdIssue !== null) throw invalidOptions(nodeIdIssue);
    this.peerTtlMs = positiveInteger(options.peerTtlMs, DEFAULT_PEER_TTL_MS, 'peerTtlMs');
    this.queryIntervalMs = positiveInteger(options.queryIntervalMs, DEFAULT_QUERY_INTERVAL_MS, 'queryIntervalMs');
    if (this.peerTtlMs < 2 * this.queryIntervalMs) {
      throw invalidOptions(
        `peerTtlMs (${this.peerTtlMs}) must be at least twice queryIntervalMs (${this.queryIntervalMs}), or one lost answer expires a live peer`,
      );
    }
    this.logger = options.logger ?? silentLogger;
    this.dependencies = { ...defaultDependencies, ...dependencies };
    this.stopped = new Promise((resolve) => {
      this.markStopped = () => resolve('stopped');
    });
  }

  get state(): DiscoveryState {
    return this.currentState;
  }

  /** The instance name being advertised (after fitting and any conflict rename); undefined before startAdvertising(). */
  get advertisedName(): string | undefined {
    return this.name;
  }

  /**
   * Advertises this node as `<name>._local-swarm._tcp.local.` on the interface, A record = the
   * bound address, TXT: txtvers, version, node_id, instances, model_id, hardware_summary,
   * api_port, protocol. Resolves once probing and announcing are done (about 1 s).
   */
  async startAdvertising(info: SwarmInfo): Promise<void> {
    this.assertNotStopped();
    if (this.advertiser !== undefined) {
      throw new DiscoveryError(DiscoveryErrorCode.ALREADY_ADVERTISING, 'startAdvertising() was already called');
    }
    validateSwarmInfo(info, this.options.nodeId);
    this.boundInterface();
    const name = fitServiceName(info.name);
    if (name !== info.name) this.logger.info('mDNS service name adjusted to fit a DNS label', { requested: info.name, name });

    const advertiser = this.dependencies.createAdvertiser(this.options.interfaceName);
    this.advertiser = advertiser;
    this.name = name;
    this.currentState = 'running';
    const onNameChanged = (newName: string): void => {
      if (this.isStopped()) return;
      this.logger.warn('mDNS name conflict: our service was renamed', { previous: this.name, name: newName });
      this.name = newName;
      this.safeEmit('name-changed', newName);
    };
    const started = Date.now();
    try {
      const outcome = await Promise.race([
        advertiser.advertise(
          { name, hostname: hostnameFor(name), port: info.apiPort, txt: buildSwarmTxt(info), address: this.options.address },
          onNameChanged,
        ),
        this.stopped,
      ]);
      if (outcome === 'stopped') return;
    } catch (error) {
      if (this.isStopped()) return;
      this.advertiser = undefined;
      await advertiser.shutdown().catch(() => undefined);
      throw new DiscoveryError(DiscoveryErrorCode.ADVERTISE_FAILED, `could not advertise ${JSON.stringify(name)}: ${errorMessage(error)}`, {
        cause: error,
      });
    }
    this.logger.info('advertising on mDNS', {
      name: this.name,
      type: `${SERVICE_PTR_NAME}.`,
      interface: this.options.interfaceName,
      address: this.options.address,
      port: info.apiPort,
      ms: Date.now() - started,
    });
  }

  /**
   * Browses for other nodes: binds the browser, queries PTR `_local-swarm._tcp.local` now and every
   * queryIntervalMs, asks for missing SRV/TXT/A records, and expires peers unseen for peerTtlMs.
   */
  async startDiscovery(): Promise<void> {
    this.assertNotStopped();
    if (this.browser !== undefined) {
      throw new DiscoveryError(DiscoveryErrorCode.ALREADY_DISCOVERING, 'startDiscovery() was already called');
    }
    const bound = this.boundInterface();
    const table = new PeerTable({
      selfNodeId: this.options.nodeId,
      peerTtlMs: this.peerTtlMs,
      subnets: bound.subnets,
      now: this.dependencies.now,
      ownKeyId: this.options.ownKeyId ?? null,
    });
    const browser = this.dependencies.createBrowser(bound, {
      onResponse: (packet, source) => this.onResponse(packet, source),
      onWarning: (error) => this.logger.debug('mDNS browser warning', { error: error.message }),
      onError: (error) => this.reportError(new DiscoveryError(DiscoveryErrorCode.SOCKET_ERROR, error.message, { cause: error })),
    });
    this.browser = browser;
    this.table = table;
    this.currentState = 'running';
    try {
      const outcome = await Promise.race([browser.start(), this.stopped]);
      if (outcome === 'stopped') return;
    } catch (error) {
      if (this.isStopped()) return;
      this.browser = undefined;
      this.table = undefined;
      await browser.close().catch(() => undefined);
      throw new DiscoveryError(DiscoveryErrorCode.BROWSE_FAILED, `could not bind the mDNS browser: ${errorMessage(error)}`, { cause: error });
    }

    this.query();
    this.every(this.queryIntervalMs, () => this.query());
    // Expiry is checked often enough to remove a peer within about a quarter of its TTL.
    this.every(Math.max(100, Math.min(1_000, Math.floor(this.peerTtlMs / 4))), () => this.dispatch(table.expire()));
    this.logger.info('browsing mDNS', {
      type: `${SERVICE_PTR_NAME}.`,
      interface: this.options.interfaceName,
      address: this.options.address,
      queryIntervalMs: this.queryIntervalMs,
      peerTtlMs: this.peerTtlMs,
    });
  }

  /**
   * Stops everything: timers, the browser socket, and the responder (which sends goodbyes, once).
   * Emits nothing about peers. Idempotent; the state becomes 'stopped' at once.
   */
  stop(): Promise<void> {
    if (this.stopping !== undefined) return this.stopping;
    this.currentState = 'stopped';
    this.markStopped();
    for (const timer of this.timers.splice(0)) clearInterval(timer);
    this.table?.clear();
    const closing: Promise<void>[] = [];
    if (this.browser !== undefined) closing.push(this.browser.close());
    if (this.advertiser !== undefined) closing.push(this.advertiser.shutdown());
    this.stopping = Promise.allSettled(closing).then((results) => {
      for (const result of results) {
        if (result.status === 'rejected') this.logger.warn('mDNS shutdown failed', { error: errorMessage(result.reason) });
      }
      this.logger.info('mDNS discovery stopped');
    });
    return this.stopping;
  }

  /** The peers currently known (never this node). */
  peers(): PeerInfo[] {
    return this.table?.peers() ?? [];
  }

  /** A method, not a field read: TypeScript would narrow the field across awaits. */
  private isStopped(): boolean {
    return this.currentState === 'stopped';
  }

  private assertNotStopped(): void {
    if (this.isStopped()) {
      throw new DiscoveryError(DiscoveryErrorCode.STOPPED, 'this discovery service was stopped; create a new one');
    }
  }

  private boundInterface(): BoundInterface {
    this.bound ??= resolveBoundInterface(this.options.interfaceName, this.options.address, this.dependencies.networkInterfaces());
    return this.bound;
  }

  private every(ms: number, task: () => void): void {
    const timer = setInterval(task, ms);
    timer.unref();
    this.timers.push(timer);
  }

  private query(): void {
    if (this.currentState === 'stopped' || this.browser === undefined || this.table === undefined) return;
    this.browser.query([{ name: SERVICE_PTR_NAME, type: 'PTR' }, ...this.table.followUpQuestions()]);
  }

  private onResponse(packet: unknown, source: string): void {
    const table = this.table;
    if (this.currentState === 'stopped' || table === undefined) return;
    const subnets = this.bound?.subnets ?? [];
    if (subnets.length > 0 && !subnets.some((subnet) => inSubnet(source, subnet))) {
      // The socket listens on 0.0.0.0: a packet from another network reached it through another
      // interface's membership. Discovery serves the bound interface's network only.
      this.logger.debug('ignored an mDNS response from outside the bound subnet', { source });
      return;
    }
    const records = normalizeRecords(packet);
    if (records.length === 0) return;
    this.dispatch(table.ingest(records));
    const followUps = table.followUpQuestions();
    if (followUps.length > 0 && !this.isStopped()) this.browser?.query(followUps);
  }

  private dispatch(events: readonly PeerTableEvent[]): void {
    for (const event of events) {
      if (this.isStopped()) return;
      switch (event.type) {
        case 'peer-joined':
          this.logger.info('peer joined', { nodeId: event.peer.nodeId, name: event.peer.name, address: event.peer.address, port: event.peer.port });
          this.safeEmit('peer-joined', event.peer);
          break;
        case 'peer-updated':
          this.logger.debug('peer updated', { nodeId: event.peer.nodeId, name: event.peer.name, address: event.peer.address });
          this.safeEmit('peer-updated', event.peer);
          break;
        case 'peer-left':
          this.logger.info('peer left', { nodeId: event.peer.nodeId, name: event.peer.name, reason: event.reason });
          this.safeEmit('peer-left', event.peer, event.reason);
          break;
        case 'txt-rejected':
          this.logger.warn('ignored a peer advertisement with a malformed TXT record', { name: event.instanceName, reason: event.reason });
          break;
        case 'duplicate-node-id':
          this.logger.warn('two services advertise the same node_id; keeping the first', {
            nodeId: event.nodeId,
            ignored: event.instanceName,
            kept: event.ownerInstanceName,
          });
          break;
      }
    }
  }

  private safeEmit<K extends keyof SwarmDiscoveryEvents>(event: K, ...args: SwarmDiscoveryEvents[K]): void {
    try {
      (this.emit as (event: K, ...args: SwarmDiscoveryEvents[K]) => boolean)(event, ...args);
    } catch (error) {
      this.logger.error(`a '${String(event)}' listener threw`, { error: errorMessage(error) });
    }
  }

  private reportError(error: DiscoveryError): void {
    this.logger.error('mDNS discovery error', { code: error.code, error: error.message });
    if (this.listenerCount('error') > 0) this.safeEmit('error', error);
  }
}

/** Creates a discovery service bound to one interface (nothing starts until startAdvertising/startDiscovery). */
export function createDiscoveryService(options: DiscoveryOptions): SwarmDiscovery {
  return new SwarmDiscovery(options);
}
