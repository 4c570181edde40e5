import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { netnsUnavailableReason } from '../availability/netns-available';
import { TestNetnsError, TestNetnsErrorCode } from '../errors/test-netns-error';
import type { CreateLanOptions, LanHost } from '../plan/lan-plan';
import { planLan } from '../plan/plan-lan';
import { ip, ipSync, killPids, parsePids } from './ip-command';

/** A host given by its object, label, namespace name or index. */
export type HostRef = LanHost | string | number;

export interface RunResult {
  /** Exit code; null when the process was ended by a signal (see `signal`). */
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunOptions {
  /** Kill the command (and its process group) after this long. Default 30000. */
  readonly timeoutMs?: number;
  /** Written to the command's stdin, which is then closed. Default: nothing (stdin closed). */
  readonly input?: string;
}

/** A LAN of network namespaces: hosts on one bridge. Call destroy() when done (also on failure). */
export interface Lan {
  readonly id: string;
  /** Namespace holding the bridge (the hosts' `h-*` ends). */
  readonly hub: string;
  /** First three octets of the /24, e.g. `10.77.42`. */
  readonly subnet: string;
  readonly hosts: readonly LanHost[];
  /** Finds a host by label, namespace name or index; throws TEST_NETNS_ERR_UNKNOWN_HOST. */
  host(ref: HostRef): LanHost;
  /**
   * Starts `command args` inside the host's namespace (`ip netns exec`), in its own process group,
   * stdio piped unless `options.stdio` says otherwise. destroy() kills it if still running.
   */
  exec(host: HostRef, command: string, args?: readonly string[], options?: SpawnOptions): ChildProcess;
  /** Runs a command inside the host's namespace to completion. Never rejects for a non-zero exit. */
  run(host: HostRef, command: string, args?: readonly string[], options?: RunOptions): Promise<RunResult>;
  /** Takes the host's port on the hub bridge down: the host is cut off the LAN. */
  linkDown(host: HostRef): Promise<void>;
  /** Brings the host's port on the hub bridge back up. */
  linkUp(host: HostRef): Promise<void>;
  /**
   * Kills every process inside the LAN's namespaces (those this LAN started and any they left),
   * then deletes the namespaces (which removes the veths and the bridge). Idempotent.
   */
  destroy(): Promise<void>;
}

/** LANs not destroyed yet: deleted synchronously if the process exits without destroy(). */
const liveNamespaces = new Map<string, readonly string[]>();
let exitHookInstalled = false;

function destroyNamespacesSync(namespaces: readonly string[]): void {
  for (const ns of namespaces) {
    killPids(parsePids(ipSync(['netns', 'pids', ns]).stdout));
    ipSync(['netns', 'del', ns]);
  }
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const namespaces of liveNamespaces.values()) destroyNamespacesSync(namespaces);
    liveNamespaces.clear();
  });
}

async function destroyNamespaces(namespaces: readonly string[]): Promise<void> {
  for (const ns of namespaces) {
    killPids(parsePids((await ip(['netns', 'pids', ns])).stdout));
  }
  for (const ns of namespaces) {
    await ip(['netns', 'del', ns]);
  }
}

function killGroup(child: ChildProcess): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    // Negative pid: the whole process group (the child was spawned detached, as group leader).
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    try {
      child.kill('SIGKILL');
    } catch {
      // Already gone.
    }
  }
}

/**
 * Builds a LAN of network namespaces (see plan-lan.ts for the layout). Needs root and iproute2;
 * throws TEST_NETNS_ERR_UNAVAILABLE otherwise. If any step fails, what was made is deleted and
 * TEST_NETNS_ERR_SETUP_FAILED is thrown. If the process exits without destroy(), an 'exit' hook
 * deletes the namespaces.
 */
export async function createLan(options: CreateLanOptions): Promise<Lan> {
  const reason = netnsUnavailableReason();
  if (reason !== null) throw new TestNetnsError(TestNetnsErrorCode.UNAVAILABLE, reason);

  const plan = planLan(options);
  installExitHook();
  liveNamespaces.set(plan.id, plan.namespaces);
  for (const args of plan.setup) {
    const result = await ip(args);
    if (!result.ok) {
      await destroyNamespaces(plan.namespaces);
      liveNamespaces.delete(plan.id);
      throw new TestNetnsError(
        TestNetnsErrorCode.SETUP_FAILED,
        `\`ip ${args.join(' ')}\` failed: ${result.stderr.trim()}`,
      );
    }
  }

  const children = new Set<ChildProcess>();
  let destroyed = false;

  const host = (ref: HostRef): LanHost => {
    const found =
      typeof ref === 'number'
        ? plan.hosts[ref]
        : typeof ref === 'string'
          ? plan.hosts.find((h) => h.label === ref || h.name === ref)
          : plan.hosts.find((h) => h.name === ref.name);
    if (found === undefined) {
      const known = plan.hosts.map((h) => h.label).join(', ');
      throw new TestNetnsError(TestNetnsErrorCode.UNKNOWN_HOST, `no host ${String(typeof ref === 'object' ? ref.name : ref)} (hosts: ${known})`);
    }
    return found;
  };

  const assertLive = (): void => {
    if (destroyed) throw new TestNetnsError(TestNetnsErrorCode.DESTROYED, `LAN ${plan.id} was destroyed`);
  };

  const exec: Lan['exec'] = (ref, command, args = [], spawnOptions = {}) => {
    assertLive();
    const target = host(ref);
    const child = spawn('ip', ['netns', 'exec', target.name, command, ...args], {
      stdio: 'pipe',
      ...spawnOptions,
      detached: true,
    });
    children.add(child);
    child.once('exit', () => children.delete(child));
    child.once('error', () => children.delete(child));
    return child;
  };

  const run: Lan['run'] = (ref, command, args = [], runOptions = {}) =>
    new Promise<RunResult>((resolve, reject) => {
      const child = exec(ref, command, args);
      let stdout = '';
      let stderr = '';
      child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
      child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      const timer = setTimeout(() => killGroup(child), runOptions.timeoutMs ?? 30_000);
      child.once('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      child.once('close', (code, signal) => {
        clearTimeout(timer);
        resolve({ code, signal, stdout, stderr });
      });
      // A command that exits without reading its input closes the pipe first: the EPIPE that
      // follows is not a failure of the command (its exit code says how it went).
      child.stdin?.on('error', () => undefined);
      child.stdin?.end(runOptions.input ?? '');
    });

  const setLink = async (ref: HostRef, state: 'up' | 'down'): Promise<void> => {
    assertLive();
    const target = host(ref);
    const args = ['-n', plan.hub, 'link', 'set', target.hubIface, state];
    const result = await ip(args);
    if (!result.ok) {
      throw new TestNetnsError(TestNetnsErrorCode.COMMAND_FAILED, `\`ip ${args.join(' ')}\` failed: ${result.stderr.trim()}`);
    }
  };

  return {
    id: plan.id,
    hub: plan.hub,
    subnet: plan.subnet,
    hosts: plan.hosts,
    host,
    exec,
    run,
    linkDown: (ref) => setLink(ref, 'down'),
    linkUp: (ref) => setLink(ref, 'up'),
    destroy: async () => {
      if (destroyed) return;
      destroyed = true;
      for (const child of children) killGroup(child);
      children.clear();
      await destroyNamespaces(plan.namespaces);
      liveNamespaces.delete(plan.id);
    },
  };
}
