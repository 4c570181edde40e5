import type { ChildProcess } from 'node:child_process';
import type { LanHost } from '../plan/lan-plan';

/** A node process running inside one host of a NodeLan. */
export interface LanNode {
  readonly host: LanHost;
  /** e.g. `http://10.77.42.1:17615` (reachable only from inside the LAN's namespaces). */
  readonly url: string;
  readonly process: ChildProcess;
  /** The node's own pid: `ip netns exec` and `taskset` exec, so no wrapper stands in between. */
  readonly pid: number;
  /** When the process was spawned (epoch ms). */
  readonly startedAt: number;
  /** When its output first showed it ready (epoch ms). */
  readonly listeningAt: number;
  /** Everything it printed so far (stdout and stderr interleaved as received). */
  output(): string;
  /** Sends a signal (default SIGTERM) and resolves once the process has exited. */
  stop(signal?: NodeJS.Signals): Promise<void>;
  /** Resolves when the process exits, however that happens. */
  readonly exited: Promise<void>;
}

export interface StartNodeOptions {
  /** Address to listen on; default: the host's LAN address. */
  readonly address?: string;
  /** Port to listen on; default: the NodeLan's `port`. */
  readonly port?: number;
  /** Pin the node to these CPUs (`taskset -c`); default: not pinned. */
  readonly cpus?: readonly number[];
  /** Give up (and kill the process) when not ready after this long; default 90000 ms. */
  readonly startTimeoutMs?: number;
  /** Variables added to (or replacing) the NodeLan's environment for this node only. */
  readonly env?: NodeJS.ProcessEnv;
}
