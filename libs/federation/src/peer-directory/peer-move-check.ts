import type { ClientResult, FederationLogger, HealthReport } from '@local-swarm/federation-protocol';
import type { HealthChecker } from '../health/health-monitor';
import { federationBaseUrl } from '../registry/federation-base-url';
import type { DiscoveredPeer } from '../registry/peer-registry';
import type { PeerSnapshot } from '../registry/peer-snapshot';

export interface PeerMoveCheckOptions {
  /** The checker of a peer at a given address (the directory's, sealed when paired). */
  readonly checkerFor: (peer: PeerSnapshot) => HealthChecker;
  readonly timeoutMs: number;
  readonly logger: FederationLogger;
  /** The check at the new address answered, signed by the peer's own node id: move the entry there. */
  readonly onConfirmed: (announced: DiscoveredPeer, report: ClientResult<HealthReport>, from: PeerSnapshot) => void;
  /** The new address was refused: drop what checking it left behind (a client per announced address would pile up). */
  readonly onRefused: (baseUrl: string) => void;
}

/** Most (node id, address) pairs remembered as already warned about; then the memory starts again. */
const MAX_WARNED = 1024;

/**
 * Checks a paired peer at the new address an mDNS announcement gives before its entry moves
 * there. Anyone can announce a member's node id and key id with any address: moving at once would
 * send its health checks and votes elsewhere until it announces itself again. The member keeps its
 * entry (and its vote) at the old address unless a sealed health check at the new one is signed
 * by the same node id. At most one check per peer runs at a time; refused addresses are logged
 * once each.
 */
export class PeerMoveCheck {
  readonly #pending = new Map<string, Promise<void>>();
  readonly #warned = new Set<string>();
  readonly #abort = new AbortController();

  constructor(private readonly options: PeerMoveCheckOptions) {}

  /** Checks `announced` as the new address of `registered`, unless a check of that peer is already running; resolves once decided. */
  check(registered: PeerSnapshot, announced: DiscoveredPeer): Promise<void> {
    const running = this.#pending.get(registered.nodeId);
    if (running !== undefined) return running;
    const check = this.#run(registered, announced).finally(() => this.#pending.delete(registered.nodeId));
    this.#pending.set(registered.nodeId, check);
    return check;
  }

  /** Aborts the running checks (none is applied); resolves once they have settled. */
  async stop(): Promise<void> {
    this.#abort.abort();
    await Promise.all(this.#pending.values());
  }

  async #run(registered: PeerSnapshot, announced: DiscoveredPeer): Promise<void> {
    const baseUrl = federationBaseUrl(announced.address, announced.port);
    const candidate: PeerSnapshot = { ...registered, address: announced.address, port: announced.port, baseUrl };
    const result = await this.options.checkerFor(candidate).health({ signal: this.#abort.signal, timeoutMs: this.options.timeoutMs });
    if (this.#abort.signal.aborted) return;
    if (result.ok && result.value.nodeId === registered.nodeId) {
      this.options.onConfirmed(announced, result, registered);
      return;
    }
    const reason = result.ok ? `it answers as node ${result.value.nodeId}` : `its sealed health check failed: ${result.error.message}`;
    this.#warnOnce(registered.nodeId, baseUrl, reason);
    this.options.onRefused(baseUrl);
  }

  #warnOnce(nodeId: string, baseUrl: string, reason: string): void {
    const key = `${nodeId} ${baseUrl}`;
    if (this.#warned.has(key)) return;
    if (this.#warned.size >= MAX_WARNED) this.#warned.clear();
    this.#warned.add(key);
    this.options.logger.warn('announced new address of a paired peer ignored; it stays at its old address', { nodeId, address: baseUrl, reason });
  }
}
