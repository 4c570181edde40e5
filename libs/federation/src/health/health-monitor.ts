import {
  FederationClient,
  FederationErrorCode,
  OpenAiPeerClient,
  silentFederationLogger,
  type ClientResult,
  type FederationLogger,
  type HealthOptions,
  type HealthReport,
  type PeerConnectOptions,
  type PeerId,
  type SwarmMembership,
} from '@local-swarm/federation-protocol';
import { TypedEventEmitter } from '../events/typed-event-emitter';
import type { PeerRegistry } from '../registry/peer-registry';
import type { PeerSnapshot } from '../registry/peer-snapshot';

/** Anything that can check a peer's health: FederationClient and OpenAiPeerClient both are. */
export interface HealthChecker {
  health(options: HealthOptions): Promise<ClientResult<HealthReport>>;
}

/** Interval timers, injectable so tests (or an app with its own scheduler) control time. */
export interface IntervalTimers {
  setInterval(callback: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

export type HealthMonitorState = 'stopped' | 'running';

export type HealthMonitorEvents = {
  /** One health check finished and was recorded. `peer` is the peer after recording (null: gone). */
  checked: { readonly nodeId: PeerId; readonly result: ClientResult<HealthReport>; readonly peer: PeerSnapshot | null };
  'state-changed': { readonly state: HealthMonitorState };
};

export interface HealthMonitorOptions {
  readonly registry: PeerRegistry;
  /** Time between rounds of checks. Default 2000 ms. */
  readonly intervalMs?: number;
  /** Timeout of one health check. Default 1500 ms (less than the interval, so checks rarely pile up). */
  readonly timeoutMs?: number;
  /**
   * Checker of a peer. Default: a FederationClient (mdns/manual peers) or an OpenAiPeerClient
   * (openai peers) per base URL, made once and reused.
   */
  readonly checkerFor?: (peer: PeerSnapshot) => HealthChecker;
  /** Where the default checkers may connect (loopback peers or not). Default: local-network peers only. */
  readonly connect?: PeerConnectOptions;
  /** The node's swarm membership: default FederationClient checkers then speak sealed protocol 2. Default null (open). */
  readonly membership?: SwarmMembership | null;
  /** Default: global setInterval/clearInterval, unref'd so the monitor never keeps a process alive. */
  readonly timers?: IntervalTimers;
  readonly logger?: FederationLogger;
}

const defaultTimers: IntervalTimers = {
  setInterval: (callback, ms) => setInterval(callback, ms).unref(),
  clearInterval: (handle) => clearInterval(handle as NodeJS.Timeout),
};

/**
 * Checks every non-expired peer of the registry every `intervalMs`, all in parallel, and records
 * the results. A peer is never checked twice at once: a round finds a check still running and
 * leaves it be. New peers (and expired ones announced again) are checked at once, not at the next round.
 *
 * A killed peer refuses connections at once, so with the defaults it turns unhealthy at the
 * second failed round: within about 2 intervals (4 s); a peer that stops answering within
 * 2 intervals + the timeout (5.5 s).
 */
export class HealthMonitor extends TypedEventEmitter<HealthMonitorEvents> {
  readonly #registry: PeerRegistry;
  readonly #intervalMs: number;
  readonly #timeoutMs: number;
  readonly #checkerFor: (peer: PeerSnapshot) => HealthChecker;
  readonly #timers: IntervalTimers;
  readonly #logger: FederationLogger;
  readonly #connect: PeerConnectOptions;
  readonly #membership: SwarmMembership | null;
  readonly #inFlight = new Map<PeerId, Promise<void>>();
  readonly #checkers = new Map<string, HealthChecker>();
  #state: HealthMonitorState = 'stopped';
  #timer: unknown = null;
  #controller = new AbortController();
  #unsubscribe: (() => void)[] = [];

  constructor(options: HealthMonitorOptions) {
    super();
    this.#registry = options.registry;
    this.#intervalMs = positive(options.intervalMs ?? 2000, 'intervalMs');
    this.#timeoutMs = positive(options.timeoutMs ?? 1500, 'timeoutMs');
    this.#timers = options.timers ?? defaultTimers;
    this.#logger = options.logger ?? silentFederationLogger;
    this.#connect = options.connect ?? {};
    this.#membership = options.membership ?? null;
    this.#checkerFor = options.checkerFor ?? ((peer) => this.#defaultChecker(peer));
  }

  get state(): HealthMonitorState {
    return this.#state;
  }

  /** Starts checking: one round now, then every `intervalMs`. Starting a running monitor does nothing. */
  start(): void {
    if (this.#state === 'running') return;
    this.#state = 'running';
    this.#controller = new AbortController();
    const checkSoon = ({ peer }: { readonly peer: PeerSnapshot }): void => {
      if (peer.status !== 'expired') void this.#check(peer);
    };
    this.#unsubscribe = [
      this.#registry.on('peer-added', checkSoon),
      this.#registry.on('peer-changed', (event) => {
        if (event.from === 'expired') checkSoon(event);
      }),
      this.#registry.on('peer-removed', ({ peer }) => this.#checkers.delete(checkerKey(peer))),
    ];
    this.#timer = this.#timers.setInterval(() => void this.checkNow(), this.#intervalMs);
    this.emit('state-changed', { state: 'running' });
    void this.checkNow();
  }

  /** Stops checking; checks still running are aborted (and not recorded). Resolves when they have settled. */
  async stop(): Promise<void> {
    if (this.#state === 'stopped') return;
    this.#state = 'stopped';
    if (this.#timer !== null) this.#timers.clearInterval(this.#timer);
    this.#timer = null;
    for (const unsubscribe of this.#unsubscribe) unsubscribe();
    this.#unsubscribe = [];
    this.#controller.abort();
    await Promise.allSettled([...this.#inFlight.values()]);
    this.emit('state-changed', { state: 'stopped' });
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.stop();
  }

  /** Runs one round now (peers whose check is still running are skipped); resolves when it is done. */
  async checkNow(): Promise<void> {
    const peers = this.#registry.peers().filter((peer) => peer.status !== 'expired');
    await Promise.all(peers.map((peer) => this.#check(peer)));
  }

  #check(peer: PeerSnapshot): Promise<void> {
    const running = this.#inFlight.get(peer.nodeId);
    if (running !== undefined) return running;
    const { signal } = this.#controller;
    const check = this.#runCheck(peer, signal).finally(() => this.#inFlight.delete(peer.nodeId));
    this.#inFlight.set(peer.nodeId, check);
    return check;
  }

  async #runCheck(peer: PeerSnapshot, signal: AbortSignal): Promise<void> {
    let result: ClientResult<HealthReport>;
    try {
      result = await this.#checkerFor(peer).health({ signal, timeoutMs: this.#timeoutMs });
    } catch (error: unknown) {
      // Our clients never throw; an injected checker might, or a base URL may be unusable.
      const message = error instanceof Error ? error.message : String(error);
      this.#logger.error('health checker threw', { nodeId: peer.nodeId, error: message });
      const failure = `health check of ${peer.baseUrl} threw: ${message}`;
      result = { ok: false, error: { code: FederationErrorCode.REFUSED, message: failure, cause: null } };
    }
    // Aborted by stop(): says nothing about the peer.
    if (signal.aborted) return;
    try {
      const after = this.#registry.recordHealth(peer.nodeId, result);
      this.emit('checked', { nodeId: peer.nodeId, result, peer: after });
    } catch (error: unknown) {
      // A throwing event listener is the app's bug; log it rather than crash on an unhandled
      // rejection from a timer-driven round.
      const message = error instanceof Error ? error.message : String(error);
      this.#logger.error('listener of a health check event threw', { nodeId: peer.nodeId, error: message });
    }
  }

  #defaultChecker(peer: PeerSnapshot): HealthChecker {
    const key = checkerKey(peer);
    let checker = this.#checkers.get(key);
    if (checker === undefined) {
      const options = { ...this.#connect, baseUrl: peer.baseUrl, timeoutMs: this.#timeoutMs, logger: this.#logger };
      checker = peer.source === 'openai' ? new OpenAiPeerClient(options) : new FederationClient({ ...options, membership: this.#membership });
      this.#checkers.set(key, checker);
    }
    return checker;
  }
}

function checkerKey(peer: PeerSnapshot): string {
  return `${peer.source === 'openai' ? 'openai' : 'federation'} ${peer.baseUrl}`;
}

function positive(value: number, name: string): number {
  if (!(value > 0) || !Number.isFinite(value)) {
    throw new RangeError(`HealthMonitor: ${name} must be a positive number, got ${value}`);
  }
  return value;
}
