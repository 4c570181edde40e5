/**
 * How a pair of nodes federates: `sealed` (paired by a shared swarm key: every vote and health
 * check between them encrypted and signed, protocol 2) or `open` (`--federation-open`: plain
 * JSON, protocol 1). The benchmark runs one pair of each side by side.
 */
export const FEDERATION_MODES = ['sealed', 'open'] as const;
export type FederationMode = (typeof FEDERATION_MODES)[number];

/**
 * The four ways one generation is asked for, side by side (every request is sent from inside A's
 * namespace, so the network path is the same):
 * - `b-local`: B's own `/v1/completions`, answered by B alone (balance mode on an idle pair keeps
 *   the request on the node asked);
 * - `b-vote`: the same generation asked of B through `POST /v1/federation/vote`, as a peer would;
 * - `a-vote`: A's `/v1/completions` in vote mode: A and B each generate, A decides;
 * - `a-alone`: A's `/v1/completions` answered by A alone.
 */
export const LATENCY_CASES = ['b-local', 'b-vote', 'a-vote', 'a-alone'] as const;
export type LatencyCase = (typeof LATENCY_CASES)[number];

export interface LatencySample {
  readonly repetition: number;
  readonly latencyCase: LatencyCase;
  /** Request to last body byte, measured inside A's namespace. */
  readonly ms: number;
  /** Completion tokens generated for it (all candidates, every node). */
  readonly tokens: number;
  /** False when the reply failed or the wrong nodes answered; such samples are left out of medians. */
  readonly valid: boolean;
  readonly problem?: string;
}

/** How the restarted node had left before it came back. */
export type RestartKind = 'first start' | 'after SIGTERM' | 'after kill -9';

export interface DiscoverySample {
  readonly kind: RestartKind;
  /** B's process spawned → A's peer list shows B healthy (includes model load and start-up). */
  readonly spawnToHealthyMs: number;
  /** B began advertising (its "advertising on mDNS" line minus the probing time) → A's list shows B healthy. */
  readonly advertiseToHealthyMs: number;
  /** B's announcement (probing done) → A's list shows B healthy. */
  readonly announceToHealthyMs: number;
  /** B began advertising → A's own "peer healthy" log line for B; null if A logged none. */
  readonly advertiseToLoggedHealthyMs: number | null;
}

export type DepartureKind = 'SIGTERM' | 'kill -9';

export interface DepartureSample {
  readonly kind: DepartureKind;
  /** Signal sent → A's peer list shows B removed (SIGTERM) or unhealthy (kill -9). */
  readonly ms: number;
  /** Signal sent → A's log line ("peer left" / "peer unhealthy") for B; null if A logged none. */
  readonly loggedMs: number | null;
  /** B was generating a vote for A's client when the signal went out. */
  readonly busyWhenSignalled: boolean;
}

/** A span of time in which the client loop's requests are charged to one event. */
export interface EventWindow {
  readonly label: string;
  readonly kind: DepartureKind | 'restart';
  readonly from: number;
  readonly to: number;
}
